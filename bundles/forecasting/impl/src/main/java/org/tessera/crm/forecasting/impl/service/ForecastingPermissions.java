package org.tessera.crm.forecasting.impl.service;

import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.tessera.crm.core.api.security.PermissionProvider;

/** The permissions the forecasting resources check; they leave with the module. */
@Component(service = PermissionProvider.class)
public class ForecastingPermissions implements PermissionProvider {
    public static final String READ = "forecasting.read";
    public static final String SUBMIT = "forecasting.submit";
    public static final String ADJUST = "forecasting.adjust";
    /** Locking periods, and opening them (generating a fiscal year's periods). */
    public static final String LOCK = "forecasting.lock";
    /** Quotas, and the exchange rates they and forecasts are converted with. */
    public static final String QUOTA_WRITE = "forecasting.quota.write";

    @Override
    public String module() {
        return "forecasting";
    }

    @Override
    public Set<String> permissions() {
        return Set.of(READ, SUBMIT, ADJUST, LOCK, QUOTA_WRITE);
    }
}
