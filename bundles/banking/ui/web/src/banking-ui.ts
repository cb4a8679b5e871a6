// The entry the shell imports (tessera-ui.json names it): it defines the banking elements, once
// (the shell imports it again under a new URL after an update or a reinstall).
import { BankingAccount } from './banking-account';
import { BankingClient } from './banking-client';
import { BankingOffers } from './banking-offers';
import { BankingOverview } from './banking-overview';
import { BankingRules } from './banking-rules';

const ELEMENTS: Record<string, CustomElementConstructor> = {
  'tessera-banking-account': BankingAccount,
  'tessera-banking-client': BankingClient,
  'tessera-banking-offers': BankingOffers,
  'tessera-banking-overview': BankingOverview,
  'tessera-banking-rules': BankingRules,
};

for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

export { BankingAccount, BankingClient, BankingOffers, BankingOverview, BankingRules };
