package org.tessera.crm.core.api.webhook;

import java.util.List;

/** Narrows the changes of a subscription's types; an empty list does not narrow. */
public class WebhookFilterDTO {
    /** The actions delivered ({@code CREATED}, {@code UPDATED}, {@code DELETED}, or a module's own). */
    public List<String> actions = List.of();
    /** An update is delivered only when one of these fields changed; other actions are not narrowed. */
    public List<String> changedFields = List.of();
}
