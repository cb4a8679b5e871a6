package org.tessera.crm.marketing.api;

/** One member to call, with the campaign's call script rendered for them and the offer to make. */
public class CallListEntryDTO {
    public String partyId;
    public String displayName;
    public String phone;
    public String status;
    public String offerId;
    public String offerName;
    /** The call script with the party's and the offer's merge fields filled (HTML). */
    public String script;
}
