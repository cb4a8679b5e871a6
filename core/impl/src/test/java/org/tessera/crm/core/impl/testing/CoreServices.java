package org.tessera.crm.core.impl.testing;

import org.tessera.crm.core.impl.activity.ActivityServiceImpl;
import org.tessera.crm.core.impl.activity.ActivityTimelineContributor;
import org.tessera.crm.core.impl.audit.AuditServiceImpl;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.customfield.CustomFieldServiceImpl;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.org.OrgServiceImpl;
import org.tessera.crm.core.impl.party.PartyServiceImpl;
import org.tessera.crm.core.impl.security.OrgTreeRecordScope;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;
import org.tessera.crm.core.impl.timeline.TimelineServiceImpl;
import org.tessera.crm.core.impl.validation.ValidationServiceImpl;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.TestDatabase;

/** The core's components wired by hand, as DS wires them, over a database the core's changelog migrated. */
public final class CoreServices implements AutoCloseable {
    public final EmfTx tx;
    public final RecordingEvents events = new RecordingEvents();
    public final ValidationServiceImpl validation = new ValidationServiceImpl();
    /** Bind a caller here to act as an API client; without one, services run as the system. */
    public final ThreadLocalCallerContext callers = new SystemUnlessBoundCallers();
    public final OrgTreeRecordScope scope;
    public final AuditServiceImpl audit;
    public final CustomFieldServiceImpl customFields;
    public final OrgServiceImpl org;
    public final PartyServiceImpl parties;
    public final ActivityServiceImpl activities;
    public final TimelineServiceImpl timeline;

    public CoreServices(TestDatabase database) {
        database.migrateCore();
        tx = new EmfTx(CoreUnit.NAME, database.dataSource());
        AuditTrail auditTrail = new AuditTrail(callers);
        customFields = new CustomFieldServiceImpl(tx, auditTrail);
        org = new OrgServiceImpl(tx, auditTrail);
        scope = new OrgTreeRecordScope(tx, callers);
        audit = new AuditServiceImpl(tx);
        parties = new PartyServiceImpl(tx, validation, events, callers, scope, auditTrail);
        activities = new ActivityServiceImpl(tx, validation, events, scope, auditTrail);
        timeline = new TimelineServiceImpl(scope);
        timeline.addContributor(new ActivityTimelineContributor(tx), () -> false);
    }

    @Override
    public void close() {
        tx.close();
    }
}
