package org.tessera.crm.core.kit.template;

/** How a merge field's value is inserted into the rendered text. */
public enum Escaping {
    /** {@code & < > " '} escaped: the value cannot open a tag or leave an attribute. */
    HTML,
    /** Inserted as it is: subjects, plain-text bodies. */
    NONE
}
