package org.tessera.crm.sales.impl.rest;

import org.tessera.crm.core.api.rest.TesseraApi;

/** Paths of the sales resources inside the Tessera application. */
final class SalesPaths {
    static final String BASE = TesseraApi.VERSION_PATH + "/sales";

    private SalesPaths() {
    }
}
