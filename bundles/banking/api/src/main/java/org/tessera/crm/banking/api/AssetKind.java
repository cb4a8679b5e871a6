package org.tessera.crm.banking.api;

/** Whether a declared item adds to or takes from the party's net worth. */
public enum AssetKind {
    ASSET, LIABILITY
}
