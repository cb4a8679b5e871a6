package org.tessera.crm.forecasting.api;

import org.tessera.crm.core.api.TesseraException;

/** Forecasting cannot work now because a module it needs (sales) is not installed; its data are kept. */
public class ModuleUnavailableException extends TesseraException {
    private static final long serialVersionUID = 1L;
    private final String module;

    public ModuleUnavailableException(String module, String message) {
        super(message);
        this.module = module;
    }

    /** The module that is missing. */
    public String module() {
        return module;
    }
}
