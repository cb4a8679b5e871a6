package org.tessera.crm.core.impl.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.event.ChangeDTO;
import org.tessera.crm.core.api.event.ChangeFeed;
import org.tessera.crm.core.api.event.ChangePage;
import org.tessera.crm.core.api.event.ChangeQuery;
import org.tessera.crm.core.api.event.CursorExpiredException;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.security.RoleService;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.security.ScopedUnits;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The change feed, read from the outbox by position. Permissions and record scope are conditions
 * of the query, so a page of 100 is one query and the {@code next} cursor never depends on what
 * was filtered out: a page shorter than the limit has examined every position up to the head, and
 * its cursor is the head. A caller whose scope is restricted reads only party and activity
 * changes: a party change by the party's org unit when it was recorded, an activity change when a
 * current participant of the activity is visible (a deleted activity's change is therefore for
 * unrestricted callers only).
 */
@Component(service = ChangeFeed.class)
public class ChangeFeedImpl implements ChangeFeed {
    static final int MAX_LIMIT = 1_000;
    static final int MAX_WAIT_SECONDS = 30;
    /** A waiting reader looks at the database at least this often, for changes dispatched by another node. */
    private static final long RECHECK_MILLIS = 1_000;

    private final Tx tx;
    private final CallerContext callers;
    private final RecordScope scope;
    private final RoleService roles;

    @Reference(name = "dispatcher", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OutboxDispatcher dispatcher;

    @Activate
    public ChangeFeedImpl(@Reference(name = "tx", target = CoreUnit.TX) Tx tx, @Reference(name = "callers") CallerContext callers,
            @Reference(name = "scope") RecordScope scope, @Reference(name = "roles") RoleService roles) {
        this.tx = tx;
        this.callers = callers;
        this.scope = scope;
        this.roles = roles;
    }

    /** For tests, which wire the dispatcher by hand. */
    public void setDispatcher(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public ChangePage read(ChangeQuery query) {
        FeedPermissions permissions = new FeedPermissions(roles.declaredPermissions());
        validate(query, permissions);
        Optional<Set<Long>> units = ScopedUnits.of(scope);
        FeedPermissions.Readable readable = permissions.readable(query.types, callers::permits, units.isPresent());
        long deadline = System.currentTimeMillis() + query.waitSeconds * 1000L;
        String since = query.since;
        while (true) {
            Read read = readOnce(since, query.limit, readable, units);
            long left = deadline - System.currentTimeMillis();
            if (!read.page().items.isEmpty() || left <= 0) {
                return read.page();
            }
            since = read.page().next;
            await(read.head(), Math.min(left, RECHECK_MILLIS));
        }
    }

    private void await(long head, long millis) {
        try {
            OutboxDispatcher current = dispatcher;
            if (current != null) {
                current.awaitBeyond(head, millis);
            } else {
                Thread.sleep(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void validate(ChangeQuery query, FeedPermissions permissions) {
        List<FieldError> errors = new ArrayList<>();
        if (query.limit < 1 || query.limit > MAX_LIMIT) {
            errors.add(FieldError.invalid("limit", "must be from 1 to " + MAX_LIMIT));
        }
        if (query.waitSeconds < 0 || query.waitSeconds > MAX_WAIT_SECONDS) {
            errors.add(FieldError.invalid("wait", "must be from 0 to " + MAX_WAIT_SECONDS + " seconds"));
        }
        List<String> unknown = query.types.stream().filter(type -> !permissions.known(type)).sorted().toList();
        if (!unknown.isEmpty()) {
            errors.add(FieldError.invalid("types", "unknown type(s) " + String.join(", ", unknown)
                    + ": a core type (party, activity) or <module>.<entity> of an installed module"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (query.since != null && !query.since.equals(NOW)) {
            FeedCursor.position(query.since);
        }
    }

    private record Read(ChangePage page, long head) {
    }

    private Read readOnce(String since, int limit, FeedPermissions.Readable readable, Optional<Set<Long>> units) {
        return tx.required(em -> {
            try {
                Connection connection = em.unwrap(Connection.class);
                long[] state = OutboxPass.readState(connection);
                long head = state[0];
                long purgedThrough = state[1];
                if (NOW.equals(since)) {
                    return new Read(new ChangePage(List.of(), FeedCursor.of(head)), head);
                }
                long after = since == null ? purgedThrough : FeedCursor.position(since);
                checkRetained(after, purgedThrough);
                List<ChangeDTO> changes = readable.none() || units.map(Set::isEmpty).orElse(false) ? List.of()
                        : changes(connection, after, head, limit, readable, units);
                // a purge between the two reads would have removed changes the reader has not seen
                checkRetained(after, OutboxPass.readState(connection)[1]);
                long next = changes.size() == limit ? changes.get(changes.size() - 1).position : Math.max(after, head);
                return new Read(new ChangePage(changes, FeedCursor.of(next)), head);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the change feed", e);
            }
        });
    }

    private static void checkRetained(long after, long purgedThrough) {
        if (Retention.expired(after, purgedThrough)) {
            throw new CursorExpiredException("the changes after this cursor are no longer kept (the feed keeps them for its"
                    + " retention only): resynchronise from an export or the lists — take a cursor first with since=now, then"
                    + " read the records, then follow the feed from that cursor");
        }
    }

    private static List<ChangeDTO> changes(Connection connection, long after, long head, int limit,
            FeedPermissions.Readable readable, Optional<Set<Long>> units) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT o.feed_position, o.feed_type, o.topic, o.action, o.record_id,"
                + " o.record_version, o.changed_fields, o.user_login, o.created_at FROM event_outbox o"
                + " WHERE o.feed_position > ? AND o.feed_position <= ? AND (");
        parameters.add(after);
        parameters.add(head);
        String or = "";
        if (!readable.types().isEmpty()) {
            sql.append("o.feed_type IN (").append(placeholders(readable.types().size())).append(")");
            parameters.addAll(readable.types());
            or = " OR ";
        }
        for (FeedPermissions.ModulePrefix prefix : readable.prefixes()) {
            sql.append(or).append("(o.feed_type LIKE ?");
            parameters.add(prefix.module() + ".%");
            if (!prefix.excluded().isEmpty()) {
                sql.append(" AND o.feed_type NOT IN (").append(placeholders(prefix.excluded().size())).append(")");
                parameters.addAll(prefix.excluded());
            }
            sql.append(")");
            or = " OR ";
        }
        sql.append(")");
        units.ifPresent(visible -> sql.append(" AND ").append(scopeCondition(visible)));
        sql.append(" ORDER BY o.feed_position FETCH FIRST ").append(limit).append(" ROWS ONLY");
        List<ChangeDTO> changes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(change(rows));
                }
            }
        }
        return changes;
    }

    /** Party changes by the party's org unit when recorded; activity changes by a visible participant. */
    static String scopeCondition(Set<Long> visibleUnits) {
        String in = visibleUnits.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        return "((o.feed_type = '" + PARTY + "' AND o.scope_unit_id IN (" + in + "))"
                + " OR (o.feed_type = '" + ACTIVITY + "' AND EXISTS (SELECT 1 FROM activity_participant sp"
                + " JOIN party sq ON sq.id = sp.party_id WHERE sp.activity_id = o.record_num AND sq.org_unit_id IN (" + in + "))))";
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static ChangeDTO change(ResultSet row) throws SQLException {
        ChangeDTO change = new ChangeDTO();
        change.position = row.getLong(1);
        change.cursor = FeedCursor.of(change.position);
        change.type = row.getString(2);
        change.topic = row.getString(3);
        change.action = row.getString(4);
        change.recordId = row.getString(5);
        long version = row.getLong(6);
        change.version = row.wasNull() ? null : version;
        String fields = row.getString(7);
        change.changedFields = fields == null ? List.of() : List.of(fields.split(","));
        change.user = row.getString(8);
        change.time = row.getTimestamp(9).toInstant();
        return change;
    }
}
