// The entry the shell imports (tessera-ui.json names it): it defines the sales elements. A module
// that leaves and comes back is imported again under a new URL; its names are then taken already,
// and the elements defined the first time keep serving.
import { SalesLeads } from './sales-leads';
import { SalesOpportunity, SalesOpportunityList } from './sales-opportunity';
import { SalesOverview, SalesQuotesOverview } from './sales-overview';
import { SalesPipeline } from './sales-pipeline';
import { SalesQuote } from './sales-quote';

const ELEMENTS: Record<string, CustomElementConstructor> = {
  'tessera-sales-pipeline': SalesPipeline,
  'tessera-sales-leads': SalesLeads,
  'tessera-sales-opportunity': SalesOpportunity,
  'tessera-sales-opportunity-list': SalesOpportunityList,
  'tessera-sales-quote': SalesQuote,
  'tessera-sales-overview': SalesOverview,
  'tessera-sales-quotes-overview': SalesQuotesOverview,
};

for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

export { SalesLeads, SalesOpportunity, SalesOpportunityList, SalesOverview, SalesPipeline, SalesQuote, SalesQuotesOverview };
