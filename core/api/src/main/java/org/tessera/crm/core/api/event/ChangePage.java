package org.tessera.crm.core.api.event;

import java.util.List;

/** A page of the change feed. */
public class ChangePage {
    /** The changes, by position. Never null. */
    public List<ChangeDTO> items = List.of();
    /** Where to resume: the cursor to pass as {@code since} next time, present even on an empty page. */
    public String next;

    public ChangePage() {
    }

    public ChangePage(List<ChangeDTO> items, String next) {
        this.items = List.copyOf(items);
        this.next = next;
    }
}
