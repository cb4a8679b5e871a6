import { html, nothing } from 'lit';
import { BankingElement, bankingStyles } from './base';
import { primaryHousehold, type Account, type Membership, type Page, type Rollup } from './banking-api';

/**
 * A client's banking page (#/banking/parties/:id): the offers for this interaction, the accounts
 * with their balances (when the user may see them), and the rollup of the client's primary household.
 */
export class BankingClient extends BankingElement {
  static override properties = { ...BankingElement.properties, accounts: { state: true }, rollup: { state: true }, error: { state: true } };
  declare accounts: Account[] | undefined;
  declare rollup: Rollup | undefined;
  declare error: string | undefined;
  private shownParty: string | undefined;

  protected override willUpdate(): void {
    if (this.host && this.host.params.id !== this.shownParty) {
      this.shownParty = this.host.params.id;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const host = this.host;
    const id = this.shownParty;
    if (!host || !id) {
      return;
    }
    try {
      this.accounts = (await host.api.get<Page<Account>>('/banking/accounts', { query: { partyId: id, limit: '50' } })).body.items;
      if (this.can('banking.balance.read')) {
        const memberships = (await host.api.get<Page<Membership>>(`/banking/parties/${encodeURIComponent(id)}/households`)).body.items;
        const household = primaryHousehold(memberships);
        this.rollup = (await host.api.get<Rollup>(household ? `/banking/households/${encodeURIComponent(household)}/rollup`
          : `/banking/parties/${encodeURIComponent(id)}/rollup`)).body;
      }
      this.error = undefined;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    return html`
      <h1>${this.t('client.title')}</h1>
      <p><a href="#/parties/${this.shownParty}">${this.t('client.back')}</a></p>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <h2>${this.t('offers.title')}</h2>
      <tessera-banking-offers .host=${this.host}></tessera-banking-offers>
      <h2>${this.t('accounts.title')}</h2>
      ${this.accounts ? this.renderAccounts(this.accounts) : html`<p class="muted">${this.t('loading')}</p>`}
      ${this.rollup ? this.renderRollup(this.rollup) : nothing}`;
  }

  private renderAccounts(accounts: Account[]) {
    if (!accounts.length) {
      return html`<p class="muted">${this.t('accounts.none')}</p>`;
    }
    return html`<table aria-label=${this.t('accounts.title')}>
      <thead><tr><th>${this.t('field.number')}</th><th>${this.t('field.type')}</th><th>${this.t('field.status')}</th>
        <th class="num">${this.t('field.balance')}</th></tr></thead>
      <tbody>${accounts.map((a) => html`<tr><td>${a.number}</td><td>${a.type}${a.product ? html` · ${a.product}` : nothing}</td>
        <td>${a.status}</td><td class="num">${this.money(a.balance, a.currency)}</td></tr>`)}</tbody></table>`;
  }

  private renderRollup(rollup: Rollup) {
    return html`<h2>${this.t(rollup.kind === 'HOUSEHOLD' ? 'rollup.household' : 'rollup.person')}</h2>
      <table aria-label=${this.t('rollup.title')}>
        <thead><tr><th>${this.t('field.currency')}</th><th class="num">${this.t('rollup.deposits')}</th>
          <th class="num">${this.t('rollup.loans')}</th><th class="num">${this.t('rollup.netWorth')}</th></tr></thead>
        <tbody>${rollup.totals.map((t) => html`<tr><td>${t.currency}</td><td class="num">${this.money(t.deposits, t.currency)}</td>
          <td class="num">${this.money(t.loans, t.currency)}</td><td class="num">${this.money(t.netWorth, t.currency)}</td></tr>`)}</tbody>
      </table>
      ${rollup.sharedAccounts.length ? html`<p class="muted">${this.t('rollup.shared', { count: rollup.sharedAccounts.length })}</p>` : nothing}`;
  }

  static override styles = [bankingStyles];
}
