// The names this UI shares with its module's bundles and with tessera-ui.json (generated; the only file
// of src/ that the archetype fills in).

/** The module: Tessera-Module, /tessera/ui/marketing/, the routes' first segment. */
export const MODULE = 'marketing';
/** The records' collection in the module's API (/tessera/api/v1/marketing/campaigns) and in the routes. */
export const COLLECTION_PATH = '/marketing/campaigns';
/** The route of the list, as tessera-ui.json declares it. */
export const LIST_ROUTE = 'marketing/campaigns';
/** The custom elements tessera-ui.json names. */
export const LIST_ELEMENT = 'tessera-marketing-campaigns';
export const SECTION_ELEMENT = 'tessera-marketing-campaigns-section';
