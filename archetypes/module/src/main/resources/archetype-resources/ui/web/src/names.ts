// The names this UI shares with its module's bundles and with tessera-ui.json (generated; the only file
// of src/ that the archetype fills in).

/** The module: Tessera-Module, /tessera/ui/${module}/, the routes' first segment. */
export const MODULE = '${module}';
/** The records' collection in the module's API (/tessera/api/v1/${module}/${collection}) and in the routes. */
export const COLLECTION_PATH = '/${module}/${collection}';
/** The route of the list, as tessera-ui.json declares it. */
export const LIST_ROUTE = '${module}/${collection}';
/** The custom elements tessera-ui.json names. */
export const LIST_ELEMENT = 'tessera-${module}-${collection}';
export const SECTION_ELEMENT = 'tessera-${module}-${collection}-section';
