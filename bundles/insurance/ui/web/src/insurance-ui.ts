// The entry the shell imports (tessera-ui.json names it): it defines the insurance elements. A
// module that leaves and comes back is imported again under a new URL; its names are then taken,
// and the elements defined the first time keep serving.
import { InsuranceClaim } from './insurance-claim';
import { InsurancePolicies } from './insurance-policies';
import { InsurancePolicy } from './insurance-policy';
import { InsuranceSection } from './insurance-section';

const ELEMENTS: Record<string, CustomElementConstructor> = {
  'tessera-insurance-policies': InsurancePolicies,
  'tessera-insurance-policy': InsurancePolicy,
  'tessera-insurance-claim': InsuranceClaim,
  'tessera-insurance-section': InsuranceSection,
};

for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

export { InsuranceClaim, InsurancePolicies, InsurancePolicy, InsuranceSection };
