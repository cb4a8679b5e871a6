package org.tessera.crm.core.impl.webhook;

/**
 * What the audit trail records of a subscription: its settings as text; the secret is passed as a
 * sensitive field, so the trail masks it and shows only that it changed.
 */
public class AuditedWebhook {
    public String url;
    public String types;
    public String filterActions;
    public String filterChangedFields;
    public String secret;
    public Boolean enabled;
    public String disabledReason;

    static AuditedWebhook of(Subscription sub) {
        AuditedWebhook audited = new AuditedWebhook();
        audited.url = sub.url();
        audited.types = Lists.join(sub.types());
        audited.filterActions = Lists.join(sub.actions());
        audited.filterChangedFields = Lists.join(sub.changedFields());
        audited.secret = sub.secret();
        audited.enabled = sub.enabled();
        audited.disabledReason = sub.disabledReason();
        return audited;
    }
}
