package org.tessera.crm.sales.api;

/** The next step planned with a prospect; setting one plans a core activity. */
public enum NextAction {
    CALL, CALL_BACK, PHONE_APPOINTMENT, MEETING, SEND_DOCUMENTATION
}
