package org.tessera.crm.sales.api;

/** A competitor on a deal. */
public class CompetitorDTO {
    public String name;
    public String strengths;
    public String weaknesses;
}
