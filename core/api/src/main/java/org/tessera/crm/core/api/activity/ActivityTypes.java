package org.tessera.crm.core.api.activity;

/**
 * Well-known activity types, channels and outcomes. Each list is a picklist (keys below) that
 * administrators and modules extend; an activity's codes must be values of them.
 */
public final class ActivityTypes {
    public static final String TYPE_PICKLIST = "activity-type";
    public static final String CHANNEL_PICKLIST = "activity-channel";
    public static final String OUTCOME_PICKLIST = "activity-outcome";

    // types
    public static final String CALL = "CALL";
    public static final String MEETING = "MEETING";
    public static final String EMAIL = "EMAIL";
    public static final String LETTER = "LETTER";
    public static final String VISIT = "VISIT";
    public static final String TASK = "TASK";
    public static final String NOTE = "NOTE";

    // channels
    public static final String CHANNEL_PHONE = "PHONE";
    public static final String CHANNEL_COUNTER = "COUNTER";
    public static final String CHANNEL_MAIL = "MAIL";
    public static final String CHANNEL_WEB = "WEB";
    public static final String CHANNEL_EMAIL = "EMAIL";
    public static final String CHANNEL_SMS = "SMS";

    // outcomes of a contact attempt
    public static final String NO_ANSWER = "NO_ANSWER";
    public static final String VOICEMAIL = "VOICEMAIL";
    public static final String WRONG_NUMBER = "WRONG_NUMBER";
    public static final String GATEKEEPER = "GATEKEEPER";
    public static final String NOT_INTERESTED = "NOT_INTERESTED";
    public static final String PHONE_APPOINTMENT = "PHONE_APPOINTMENT";
    public static final String DOCUMENTATION_SENT = "DOCUMENTATION_SENT";
    public static final String MEETING_SET = "MEETING_SET";
    public static final String COMPLETED = "COMPLETED";

    private ActivityTypes() {
    }
}
