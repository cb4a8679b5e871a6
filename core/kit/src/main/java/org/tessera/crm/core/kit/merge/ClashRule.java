package org.tessera.crm.core.kit.merge;

/** What a module does when a victim's record would duplicate one the survivor already has. */
public enum ClashRule {
    /** The record stays on the victim (nothing is deleted) and is reported as kept. */
    KEEP_ON_VICTIM,
    /** The whole merge is refused with the reason. */
    REFUSE
}
