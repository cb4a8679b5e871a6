// The names this UI shares with its module's bundles and with tessera-ui.json (generated; the only file
// of src/ that the archetype fills in).

/** The module: Tessera-Module, /tessera/ui/service/, the routes' first segment. */
export const MODULE = 'service';
/** The records' collection in the module's API (/tessera/api/v1/service/requests) and in the routes. */
export const COLLECTION_PATH = '/service/requests';
/** The route of the list, as tessera-ui.json declares it. */
export const LIST_ROUTE = 'service/requests';
/** The custom elements tessera-ui.json names. */
export const LIST_ELEMENT = 'tessera-service-requests';
export const SECTION_ELEMENT = 'tessera-service-requests-section';
/** The route of one request (its id the route's parameter), as tessera-ui.json declares it. */
export const DETAIL_ROUTE = 'service/requests/:id';
export const DETAIL_ELEMENT = 'tessera-service-request';
