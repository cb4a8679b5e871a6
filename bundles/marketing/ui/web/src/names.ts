// The names this UI shares with its module's bundles and with tessera-ui.json.

/** The module: Tessera-Module, /tessera/ui/marketing/, the routes' first segment. */
export const MODULE = 'marketing';
export const LIST_ROUTE = 'marketing/campaigns';
export const LIST_ELEMENT = 'tessera-marketing-campaigns';
export const PAGE_ELEMENT = 'tessera-marketing-campaign';
export const SECTION_ELEMENT = 'tessera-marketing-campaigns-section';
