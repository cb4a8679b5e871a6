package org.tessera.crm.forecasting.impl.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How forecasts are built; {@code etc/org.tessera.crm.forecasting.cfg}, shipped by the feature. */
@ObjectClassDefinition(name = "Tessera forecasting", description = "Hierarchy, fiscal year and rollup defaults of forecasts")
public @interface ForecastingConfig {
    String PID = "org.tessera.crm.forecasting";

    @AttributeDefinition(description = "POSITIONS: managers are the positions' explicit parents; ORG_UNITS: the unit managers of the org tree")
    String hierarchy() default "POSITIONS";

    @AttributeDefinition(description = "First month (1-12) of the fiscal year")
    int fiscalYearStartMonth() default 1;

    @AttributeDefinition(description = "Whether forecasts are shown cumulated (best case includes commit and closed) unless a request says otherwise")
    boolean cumulative() default false;

    @AttributeDefinition(description = "SUBMITTED: a manager's rollup takes each subordinate's last submitted revision (live figures when none); LIVE: always live")
    String rollupSource() default "SUBMITTED";
}
