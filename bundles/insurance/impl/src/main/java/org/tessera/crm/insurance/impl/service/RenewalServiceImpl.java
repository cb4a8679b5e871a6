package org.tessera.crm.insurance.impl.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.audit.AuditAction;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.audit.FieldChangeDTO;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.imports.ActivityImportService;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.imports.ImportedActivityDTO;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.insurance.api.Insurance;
import org.tessera.crm.insurance.api.LapseRunDTO;
import org.tessera.crm.insurance.api.RenewalRunDTO;
import org.tessera.crm.insurance.api.RenewalService;
import org.tessera.crm.insurance.api.RunResultDTO;
import org.tessera.crm.insurance.impl.rules.RenewalTerms;

/**
 * The renewal and lapse runs, set-based: one transaction of a few SQL statements over all the terms
 * of the window, whatever their number. The renewal reads the candidates once, allocates the new
 * terms' ids from the policy sequence, records the pairs (old, new, new expiry, new premium) in
 * {@code ins_renewal_pair}, and copies terms, revision, coverages, participants and custom values
 * with {@code INSERT … SELECT} joins on the pairs; the old terms become RENEWED by one
 * {@code UPDATE}. The run is one audit record (its window and the pairs' run id). The agents'
 * reminders go to the core after the commit, through its bulk activity import, idempotent by the
 * new term's id; the run's row ({@link RenewalRuns}) says whether they were planned, and a run
 * interrupted between the two steps has them planned when the bundle starts again or before the
 * next run, on any node: the run's row is held by the node planning it for {@link #REMINDER_LEASE}, so
 * that another node resumes it only once its holder died (see {@link RenewalRuns}).
 *
 * <p>Two runs over the same window on two nodes renew each term once: on PostgreSQL the second one's
 * insert of a term already renewed meets {@code uq_ins_policy_renewed_from_id} (it waits for the first
 * to commit) and the whole run is refused with a 409; on Derby its read waits and finds nothing left. The lapse run's UPDATE re-checks the status of the row it
 * writes, so that of two lapse runs at once each term is lapsed, audited and counted by one.
 */
@Component(service = RenewalService.class)
public class RenewalServiceImpl implements RenewalService {
    private static final Logger LOG = LoggerFactory.getLogger(RenewalServiceImpl.class);
    /** The policy sequence's increment, as EclipseLink preallocates it. */
    static final int ID_BLOCK = 50;
    /**
     * How long a node holds a run whose reminders it plans: far beyond the time the core's import takes
     * for the largest run, and short beside the days ahead that a reminder is due.
     */
    static final Duration REMINDER_LEASE = Duration.ofMinutes(30);

    private final Tx tx;
    private final RecordScope scope;
    private final AuditRecorder audit;
    private final DomainEventPublisher events;
    private final ActivityImportService activities;
    private final Clock clock;
    private final Duration reminderLease;
    /** This node, in the runs it holds; two services in one JVM (tests) are two nodes. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Activate
    public RenewalServiceImpl(@Reference(target = InsuranceUnit.TX) Tx tx, @Reference RecordScope scope, @Reference AuditRecorder audit,
            @Reference DomainEventPublisher events, @Reference ActivityImportService activities) {
        this(tx, scope, audit, events, activities, Clock.systemUTC());
        // off the activating thread: a run cut short may have many reminders to plan, and if the
        // bundle stops meanwhile the run simply stays pending until the next start
        Thread resume = new Thread(() -> {
            try {
                resumePendingReminders();
            } catch (RuntimeException e) {
                LOG.warn("renewal reminders left pending, resumed at the next start or run: {}", e.toString());
            }
        }, "insurance-renewal-reminders");
        resume.setDaemon(true);
        resume.start();
    }

    RenewalServiceImpl(Tx tx, RecordScope scope, AuditRecorder audit, DomainEventPublisher events, ActivityImportService activities, Clock clock) {
        this(tx, scope, audit, events, activities, clock, REMINDER_LEASE);
    }

    RenewalServiceImpl(Tx tx, RecordScope scope, AuditRecorder audit, DomainEventPublisher events, ActivityImportService activities, Clock clock,
            Duration reminderLease) {
        this.reminderLease = reminderLease;
        this.tx = tx;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
        this.activities = activities;
        this.clock = clock;
    }

    /** A term to renew, as read from the window. */
    record Candidate(long oldId, long newId, String number, LocalDate expiry, LocalDate newExpiry, BigDecimal newPremium, Long agentId,
            long holderPartyId) {
    }

    @Override
    public RunResultDTO renew(RenewalRunDTO run) {
        FieldErrors errors = new FieldErrors();
        if (run == null) {
            throw new org.tessera.crm.core.api.ValidationException(FieldError.required("expiringFrom"));
        }
        errors.required("expiringFrom", run.expiringFrom).required("expiringTo", run.expiringTo);
        plausible("expiringFrom", run.expiringFrom, errors);
        plausible("expiringTo", run.expiringTo, errors);
        errors.throwIfAny();
        if (run.expiringFrom != null && run.expiringTo != null && !run.expiringFrom.isBefore(run.expiringTo)) {
            errors.invalid("expiringTo", "must be after expiringFrom");
        }
        if (run.expiringFrom != null && run.expiringTo != null && run.expiringTo.isAfter(run.expiringFrom.plusYears(1))) {
            errors.invalid("expiringTo", "a run covers at most a year of expiries");
        }
        if (run.premiumFactor != null && (run.premiumFactor.signum() <= 0 || run.premiumFactor.compareTo(BigDecimal.TEN) > 0)) {
            errors.invalid("premiumFactor", "must be more than 0 and at most 10");
        }
        if (run.reminderDaysBefore < 0 || run.reminderDaysBefore > 365) {
            errors.invalid("reminderDaysBefore", "must be 0 to 365");
        }
        errors.throwIfAny();
        long started = System.nanoTime();
        String visible = ScopeFilter.of(scope).sqlCondition("p.holder_party_id");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RunResultDTO result = result("renewal", 0, now);
        resumePendingReminders();
        Split split = new Split(result.splitMillis);
        long[] runId = {0};
        List<Candidate> renewed = tx.required(em -> {
            Connection c = em.unwrap(Connection.class);
            try {
                runId[0] = nextRunId(c);
                List<Expiring> window = window(c, run, visible);
                split.lap("read");
                List<Candidate> candidates = candidates(c, window, run.premiumFactor);
                split.lap("compute");
                if (candidates.isEmpty()) {
                    return candidates;
                }
                recordPairs(c, runId[0], candidates);
                RenewalRuns.opened(c, runId[0], run.reminderDaysBefore, now, node, now.plus(reminderLease));
                split.lap("write.pairs");
                copyTerms(c, runId[0], run.asQuotes ? "QUOTE" : "IN_FORCE", Timestamp.from(now), split);
                audit.recordChanges(c, Insurance.RUN, String.valueOf(runId[0]), AuditAction.CREATE, List.of(
                        change("kind", "renewal"), change("expiringFrom", run.expiringFrom), change("expiringTo", run.expiringTo),
                        change("terms", candidates.size()), change("premiumFactor", run.premiumFactor)));
                events.record(c, Insurance.TOPIC_PREFIX + "renewal/COMPLETED", EventProperties.of(Insurance.RUN, null, null, null,
                        Map.of("terms", candidates.size(), "expiringFrom", run.expiringFrom.toString(), "expiringTo", run.expiringTo.toString())));
                split.lap("audit");
                return candidates;
            } catch (SQLException e) {
                throw new IllegalStateException("renewal run failed", e);
            }
        });
        split.lap("commit");
        result.terms = renewed.size();
        result.termsMillis = (System.nanoTime() - started) / 1_000_000;
        if (!renewed.isEmpty()) {
            planReminders(runId[0], renewed, run.reminderDaysBefore, result);
            split.lap("reminders");
        }
        result.millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("renewal run {} – {}: {} terms in {} ms, split {}", run.expiringFrom, run.expiringTo, result.terms, result.millis,
                result.splitMillis);
        return result;
    }

    /** A run's day within the years a database stores and a policy can mean (a parsed date may be year -999999999). */
    private static FieldErrors plausible(String field, LocalDate day, FieldErrors errors) {
        if (day != null && (day.getYear() < 1900 || day.getYear() > 9999)) {
            errors.invalid(field, "must be a day of the years 1900 to 9999");
        }
        return errors;
    }

    @Override
    public RunResultDTO lapse(LapseRunDTO run) {
        LapseRunDTO how = run == null ? new LapseRunDTO() : run;
        if (how.graceDays < 0 || how.graceDays > 365) {
            throw new org.tessera.crm.core.api.ValidationException(FieldError.invalid("graceDays", "must be 0 to 365"));
        }
        plausible("asOf", how.asOf, new FieldErrors()).throwIfAny();
        long started = System.nanoTime();
        LocalDate asOf = how.asOf != null ? how.asOf : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate limit = asOf.minusDays(how.graceDays);
        String visible = ScopeFilter.of(scope).sqlCondition("p.holder_party_id");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long lapsed = tx.required(em -> {
            Connection c = em.unwrap(Connection.class);
            // the status is checked again on the row written, not only in the subquery: on PostgreSQL a
            // second lapse run waiting for this one's row locks re-checks the row's new version (LAPSED,
            // skipped) but not the subquery's old one, and would count, audit and announce it again
            try (PreparedStatement update = c.prepareStatement("UPDATE ins_policy SET status = 'LAPSED', version = version + 1, updated_at = ?"
                    + " WHERE status IN ('IN_FORCE', 'REINSTATED') AND id IN (SELECT p.id FROM ins_policy p WHERE p.status IN ('IN_FORCE', 'REINSTATED')"
                    + " AND ((p.paid_through IS NOT NULL AND p.paid_through < ? AND p.paid_through < p.expiry_date)"
                    + " OR (p.expiry_date < ? AND NOT EXISTS (SELECT 1 FROM ins_policy r WHERE r.renewed_from_id = p.id)))"
                    + " AND " + visible + ")")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setDate(2, Date.valueOf(limit));
                update.setDate(3, Date.valueOf(limit));
                int count = update.executeUpdate();
                audit.recordChanges(c, Insurance.RUN, "lapse-" + now.toEpochMilli(), AuditAction.UPDATE, List.of(
                        change("kind", "lapse"), change("asOf", asOf), change("graceDays", how.graceDays), change("terms", count)));
                if (count > 0) {
                    events.record(c, Insurance.TOPIC_PREFIX + "lapse/COMPLETED", EventProperties.of(Insurance.RUN, null, null, null,
                            Map.of("terms", (long) count)));
                }
                return (long) count;
            } catch (SQLException e) {
                throw new IllegalStateException("lapse run failed", e);
            }
        });
        RunResultDTO result = result("lapse", lapsed, now);
        result.termsMillis = (System.nanoTime() - started) / 1_000_000;
        result.millis = (System.nanoTime() - started) / 1_000_000;
        return result;
    }

    private static RunResultDTO result(String kind, long terms, Instant at) {
        RunResultDTO result = new RunResultDTO();
        result.kind = kind;
        result.terms = terms;
        result.at = at;
        return result;
    }

    private static FieldChangeDTO change(String field, Object value) {
        FieldChangeDTO change = new FieldChangeDTO();
        change.field = field;
        change.newValue = value == null ? null : value.toString();
        return change;
    }

    private static long nextRunId(Connection c) throws SQLException {
        return Sequences.next(c, "ins_run_seq", 1).get(0);
    }

    /** A term of the window, as read. */
    record Expiring(long id, String number, LocalDate effective, LocalDate expiry, BigDecimal premium, Long agentId, long holderPartyId) {
    }

    /** The terms the run renews: in force, expiring in the window, not cancelled, not yet renewed, in the caller's scope. */
    private static List<Expiring> window(Connection c, RenewalRunDTO run, String visible) throws SQLException {
        List<Expiring> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT p.id, p.policy_number, p.effective_date, p.expiry_date, p.premium,"
                + " p.agent_id, p.holder_party_id FROM ins_policy p WHERE p.status IN ('IN_FORCE', 'REINSTATED')"
                + " AND p.expiry_date >= ? AND p.expiry_date < ? AND p.cancellation_date IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM ins_policy r WHERE r.renewed_from_id = p.id) AND " + visible + " ORDER BY p.id")) {
            select.setDate(1, Date.valueOf(run.expiringFrom));
            select.setDate(2, Date.valueOf(run.expiringTo));
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long agent = rs.getLong(6);
                    Long agentId = rs.wasNull() ? null : agent;
                    rows.add(new Expiring(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                            rs.getBigDecimal(5), agentId, rs.getLong(7)));
                }
            }
        }
        return rows;
    }

    /** The new terms' ids, dates and premiums. */
    private static List<Candidate> candidates(Connection c, List<Expiring> window, BigDecimal premiumFactor) throws SQLException {
        Iterator<Long> ids = Sequences.block(c, "ins_policy_seq", ID_BLOCK, window.size()).iterator();
        List<Candidate> candidates = new ArrayList<>(window.size());
        for (Expiring e : window) {
            candidates.add(new Candidate(e.id(), ids.next(), e.number(), e.expiry(), RenewalTerms.expiry(e.effective(), e.expiry()),
                    RenewalTerms.premium(e.premium(), premiumFactor), e.agentId(), e.holderPartyId()));
        }
        return candidates;
    }

    private static void recordPairs(Connection c, long runId, List<Candidate> candidates) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ins_renewal_pair (run_id, old_id, new_id, new_expiry, new_premium) VALUES (?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Candidate candidate : candidates) {
                insert.setLong(1, runId);
                insert.setLong(2, candidate.oldId());
                insert.setLong(3, candidate.newId());
                insert.setDate(4, Date.valueOf(candidate.newExpiry()));
                insert.setBigDecimal(5, candidate.newPremium());
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    /** The statements that copy the old terms of the run into their new terms, and close the old ones. */
    private static void copyTerms(Connection c, long runId, String status, Timestamp now, Split split) throws SQLException {
        String pairs = " FROM ins_renewal_pair m JOIN ins_policy p ON p.id = m.old_id WHERE m.run_id = ?";
        execute(c, "INSERT INTO ins_policy (id, version, policy_number, term_number, renewed_from_id, line_of_business, product, status,"
                + " effective_date, expiry_date, premium, premium_frequency, billing_method, currency, carrier, paid_through, agent_id,"
                + " org_unit_id, holder_party_id, current_revision, health_json, created_at, updated_at)"
                + " SELECT m.new_id, 1, p.policy_number, p.term_number + 1, p.id, p.line_of_business, p.product, '" + status + "',"
                + " p.expiry_date, m.new_expiry, m.new_premium, p.premium_frequency, p.billing_method, p.currency, p.carrier, p.paid_through,"
                + " p.agent_id, p.org_unit_id, p.holder_party_id, 0, p.health_json, ?, ?" + pairs, now, now, runId);
        split.lap("write.terms");
        execute(c, "INSERT INTO ins_policy_revision (policy_id, seq_no, revision, valid_from, premium, reason, recorded_at)"
                + " SELECT m.new_id, 0, 0, p.expiry_date, m.new_premium, 'renewal', ?" + pairs, now, runId);
        split.lap("write.revisions");
        // the coverages of the last revision still effective at the old term's end, numbered again from 0
        String lasting = "(%1$s.effective_to IS NULL OR %1$s.effective_to >= p.expiry_date)";
        execute(c, "INSERT INTO ins_policy_coverage (policy_id, seq_no, revision, code, name, category, limit_amount, deductible,"
                + " premium_part, effective_from, effective_to, insured_party_id, asset_type, asset_description, asset_fields)"
                + " SELECT m.new_id, (SELECT COUNT(*) FROM ins_policy_coverage k WHERE k.policy_id = v.policy_id AND k.revision = v.revision"
                + " AND k.seq_no < v.seq_no AND " + String.format(lasting, "k") + "), 0, v.code, v.name, v.category, v.limit_amount,"
                + " v.deductible, v.premium_part, CAST(NULL AS DATE), CAST(NULL AS DATE), v.insured_party_id, v.asset_type, v.asset_description, v.asset_fields"
                + " FROM ins_renewal_pair m JOIN ins_policy p ON p.id = m.old_id"
                + " JOIN ins_policy_coverage v ON v.policy_id = p.id AND v.revision = p.current_revision"
                + " WHERE m.run_id = ? AND " + String.format(lasting, "v"), runId);
        split.lap("write.coverages");
        String staying = "(%1$s.valid_thru IS NULL OR %1$s.valid_thru >= p.expiry_date)";
        execute(c, "INSERT INTO ins_policy_participant (policy_id, seq_no, party_id, participant_role, share_percent, valid_from,"
                + " valid_thru, minor) SELECT m.new_id, (SELECT COUNT(*) FROM ins_policy_participant k WHERE k.policy_id = v.policy_id"
                + " AND k.seq_no < v.seq_no AND " + String.format(staying, "k") + "), v.party_id, v.participant_role, v.share_percent,"
                + " CAST(NULL AS DATE), CAST(NULL AS DATE), v.minor FROM ins_renewal_pair m JOIN ins_policy p ON p.id = m.old_id"
                + " JOIN ins_policy_participant v ON v.policy_id = p.id WHERE m.run_id = ? AND " + String.format(staying, "v"), runId);
        split.lap("write.participants");
        execute(c, "INSERT INTO ins_policy_custom_value (policy_id, field_key, value_json) SELECT m.new_id, v.field_key, v.value_json"
                + " FROM ins_renewal_pair m JOIN ins_policy_custom_value v ON v.policy_id = m.old_id WHERE m.run_id = ?", runId);
        split.lap("write.customValues");
        execute(c, "UPDATE ins_policy SET status = 'RENEWED', version = version + 1, updated_at = ?"
                + " WHERE id IN (SELECT m.old_id FROM ins_renewal_pair m WHERE m.run_id = ?)", now, runId);
        split.lap("write.closeOld");
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /**
     * Plans the reminders of every run whose terms committed but whose reminders were not planned
     * (a crash or a refusal of the core in between), oldest run first.
     *
     * @return how many runs it completed
     */
    synchronized int resumePendingReminders() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<RenewalRuns.Pending> pending = tx.required(em -> {
            try {
                return RenewalRuns.claimPending(em.unwrap(Connection.class), node, now, now.plus(reminderLease));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the renewal runs", e);
            }
        });
        for (RenewalRuns.Pending run : pending) {
            List<Candidate> renewed = tx.required(em -> {
                try {
                    return RenewalRuns.renewed(em.unwrap(Connection.class), run.runId());
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot read renewal run " + run.runId(), e);
                }
            });
            RunResultDTO resumed = result("renewal", renewed.size(), clock.instant());
            planReminders(run.runId(), renewed, run.reminderDaysBefore(), resumed);
            LOG.info("renewal run {}: its {} reminders were not planned when it ended; planned now ({} refused)", run.runId(),
                    resumed.activities, resumed.activitiesRejected);
        }
        return pending.size();
    }

    /**
     * The agents' reminders, through the core's bulk activity import, after the terms committed; then
     * the run is marked done. Rows the core refuses are logged, not retried: the same rows would be
     * refused again.
     */
    private void planReminders(long runId, List<Candidate> renewed, int daysBefore, RunResultDTO result) {
        try {
            planHeld(runId, renewed, daysBefore, result);
        } catch (RuntimeException e) {
            try {
                tx.required(em -> {
                    try {
                        RenewalRuns.released(em.unwrap(Connection.class), runId, node);
                    } catch (SQLException released) {
                        throw new IllegalStateException("cannot release renewal run " + runId, released);
                    }
                    return null;
                });
            } catch (RuntimeException stays) {
                e.addSuppressed(stays); // held until its lease lapses, then resumed all the same
            }
            throw e;
        }
    }

    private void planHeld(long runId, List<Candidate> renewed, int daysBefore, RunResultDTO result) {
        Iterator<Candidate> withAgent = renewed.stream().filter(c -> c.agentId() != null).iterator();
        long[] line = {0};
        Iterator<ImportRow<ImportedActivityDTO>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return withAgent.hasNext();
            }

            @Override
            public ImportRow<ImportedActivityDTO> next() {
                Candidate c = withAgent.next();
                return ImportRow.of(++line[0], RenewalReminders.of(Ids.format(c.newId()), Ids.format(c.oldId()), c.number(),
                        Ids.format(c.agentId()), Ids.format(c.holderPartyId()), c.expiry().minusDays(daysBefore)));
            }
        };
        ImportReport report = activities.importActivities(rows);
        tx.required(em -> {
            try {
                RenewalRuns.remindersPlanned(em.unwrap(Connection.class), runId);
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot mark renewal run " + runId, e);
            }
        });
        result.activities = report.created + report.updated + report.unchanged;
        result.activitiesRejected = report.rejected;
        if (report.rejected > 0) {
            LOG.warn("renewal run: {} reminder activities refused by the core, first: line {} {}", report.rejected,
                    report.errors.get(0).line, report.errors.get(0).errors);
        }
    }
}
