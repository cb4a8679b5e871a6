package org.tessera.crm.sales.impl.entity;

import javax.persistence.Embeddable;

@Embeddable
public class CompetitorValue {
    public String name;
    public String strengths;
    public String weaknesses;
}
