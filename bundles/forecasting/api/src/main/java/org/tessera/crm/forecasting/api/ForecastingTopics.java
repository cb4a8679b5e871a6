package org.tessera.crm.forecasting.api;

/**
 * Event Admin topics of the forecasting module, posted after commit with the properties of
 * {@code org.tessera.crm.core.api.event.CoreEvents} plus those below.
 */
public final class ForecastingTopics {
    /** A position submitted a revision of its forecast for a period: the manager is told. */
    public static final String SUBMITTED = "org/tessera/crm/forecasting/forecast/SUBMITTED";
    /** A period was locked: no more submits or adjustments in it. */
    public static final String LOCKED = "org/tessera/crm/forecasting/forecast/LOCKED";
    /** A locked period was reopened: submits and adjustments are taken again. */
    public static final String UNLOCKED = "org/tessera/crm/forecasting/forecast/UNLOCKED";

    /** Property: the position that submitted. */
    public static final String POSITION_ID = "positionId";
    /** Property: the period (of SUBMITTED, LOCKED and UNLOCKED). */
    public static final String PERIOD_ID = "periodId";
    /** Property of SUBMITTED: the revision number. */
    public static final String REVISION = "revision";
    /** Property of SUBMITTED: the manager's position, absent for the top position. */
    public static final String MANAGER_POSITION_ID = "managerPositionId";
    /** Property of SUBMITTED: the manager's agent, the one to notify. */
    public static final String MANAGER_AGENT_ID = "managerAgentId";

    private ForecastingTopics() {
    }
}
