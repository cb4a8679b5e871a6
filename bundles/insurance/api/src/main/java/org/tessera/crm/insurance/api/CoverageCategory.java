package org.tessera.crm.insurance.api;

public enum CoverageCategory {
    BASE, RIDER, CLAUSE, DEDUCTIBLE
}
