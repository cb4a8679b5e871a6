package org.tessera.crm.core.api.party;

/**
 * Well-known party classification codes. A party holds any number at once (a prospect can also be
 * a supplier); the accepted codes are the values of the {@link #PICKLIST} picklist, which
 * administrators and modules extend.
 */
public final class Classifications {
    /** Key of the picklist holding the accepted classification codes. */
    public static final String PICKLIST = "party-classification";

    public static final String PROSPECT = "PROSPECT";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String FORMER_CUSTOMER = "FORMER_CUSTOMER";
    public static final String SUPPLIER = "SUPPLIER";
    public static final String PARTNER = "PARTNER";
    public static final String COMPETITOR = "COMPETITOR";
    public static final String EMPLOYEE = "EMPLOYEE";

    private Classifications() {
    }
}
