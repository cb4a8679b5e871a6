package org.tessera.crm.banking.impl.rest;

/** The body of an accept ({@code note}, optional) or a reject ({@code reason}, required). */
public class OfferAnswer {
    public String note;
    public String reason;
}
