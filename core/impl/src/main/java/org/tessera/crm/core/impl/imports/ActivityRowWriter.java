package org.tessera.crm.core.impl.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.activity.ActivityDTO;
import org.tessera.crm.core.impl.activity.ActivityMapper;

/**
 * Inserts new activities with plain JDBC batches, one per table for a whole chunk, for the reason
 * given in {@link PartyRowWriter}. The rows written are exactly those the JPA mapping of
 * {@code ActivityEntity} reads back.
 */
final class ActivityRowWriter {
    static final String ACTIVITY_SEQUENCE = "activity_seq";

    private final Connection connection;

    ActivityRowWriter(Connection connection) {
        this.connection = connection;
    }

    /** Writes validated, normalized candidates whose {@code id} is set. */
    void insert(List<ActivityDTO> activities, Instant now) throws SQLException {
        if (activities.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement activity = connection.prepareStatement("INSERT INTO activity (id, version, activity_type,"
                + " subject, description, status, due_at, start_at, end_at, timeline_at, owner_id, assignee_id, channel,"
                + " direction, outcome, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement participant = connection.prepareStatement(
                     "INSERT INTO activity_participant (activity_id, party_id) VALUES (?, ?)");
             PreparedStatement link = connection.prepareStatement(
                     "INSERT INTO activity_link (activity_id, link) VALUES (?, ?)");
             PreparedStatement externalId = connection.prepareStatement(
                     "INSERT INTO activity_external_id (activity_id, source, external_id) VALUES (?, ?, ?)");
             PreparedStatement custom = connection.prepareStatement(CustomValueRows.INSERT)) {
            boolean anyParticipant = false;
            boolean anyLink = false;
            boolean anyCustom = false;
            for (ActivityDTO a : activities) {
                long id = Long.parseLong(a.id);
                activity.setLong(1, id);
                activity.setString(2, a.type);
                activity.setString(3, a.subject);
                activity.setString(4, a.description);
                activity.setString(5, a.status.name());
                setInstant(activity, 6, a.dueAt);
                setInstant(activity, 7, a.startAt);
                setInstant(activity, 8, a.endAt);
                setInstant(activity, 9, ActivityMapper.timelineAt(a.endAt, a.startAt, a.dueAt, now));
                setId(activity, 10, a.ownerId);
                setId(activity, 11, a.assigneeId);
                activity.setString(12, a.channel);
                activity.setString(13, a.direction == null ? null : a.direction.name());
                activity.setString(14, a.outcome);
                activity.setTimestamp(15, at);
                activity.setTimestamp(16, at);
                activity.addBatch();
                for (String party : new LinkedHashSet<>(a.participants)) {
                    participant.setLong(1, id);
                    participant.setLong(2, Long.parseLong(party));
                    participant.addBatch();
                    anyParticipant = true;
                }
                for (String l : new LinkedHashSet<>(a.links)) {
                    link.setLong(1, id);
                    link.setString(2, l);
                    link.addBatch();
                    anyLink = true;
                }
                for (Map.Entry<String, String> e : a.externalIds.entrySet()) {
                    externalId.setLong(1, id);
                    externalId.setString(2, e.getKey());
                    externalId.setString(3, e.getValue());
                    externalId.addBatch();
                }
                anyCustom |= CustomValueRows.add(custom, EntityTypes.ACTIVITY, id, a.customFields);
            }
            // parents first: the children's foreign keys point at the activity rows
            activity.executeBatch();
            externalId.executeBatch();
            if (anyParticipant) {
                participant.executeBatch();
            }
            if (anyLink) {
                link.executeBatch();
            }
            if (anyCustom) {
                custom.executeBatch();
            }
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant));
        }
    }

    private static void setId(PreparedStatement statement, int index, String id) throws SQLException {
        if (id == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, Long.parseLong(id));
        }
    }
}
