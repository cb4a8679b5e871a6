package org.tessera.crm.core.migrations.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import liquibase.change.Change;
import liquibase.change.core.CreateSequenceChange;
import liquibase.change.core.CreateTableChange;
import liquibase.changelog.ChangeSet;

/**
 * The ledger of what each module's migrations created ({@code tessera_module_object}): tables,
 * sequences, and the changelog files that hold its history. It outlives the module's bundle, so a
 * purge knows what to drop after the module has left, and the registry knows its schema version.
 */
final class ModuleObjects {
    static final String TABLE = "TABLE";
    static final String SEQUENCE = "SEQUENCE";
    static final String FILE = "FILE";

    private ModuleObjects() {
    }

    /** Replaces the ledger of {@code module} with the objects its changelog creates. */
    static void record(Connection connection, String module, List<ChangeSet> changeSets) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        for (ChangeSet changeSet : changeSets) {
            files.add(changeSet.getFilePath());
            for (Change change : changeSet.getChanges()) {
                if (change instanceof CreateTableChange table) {
                    objects.add(new String[] {TABLE, table.getTableName()});
                } else if (change instanceof CreateSequenceChange sequence) {
                    objects.add(new String[] {SEQUENCE, sequence.getSequenceName()});
                }
            }
        }
        files.forEach(file -> objects.add(new String[] {FILE, file}));
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tessera_module_object WHERE module_name = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO tessera_module_object (module_name, object_type, object_name, created_order) VALUES (?, ?, ?, ?)")) {
            delete.setString(1, module);
            delete.executeUpdate();
            for (int i = 0; i < objects.size(); i++) {
                insert.setString(1, module);
                insert.setString(2, objects.get(i)[0]);
                insert.setString(3, objects.get(i)[1]);
                insert.setInt(4, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The id of the module's last applied changeset, in execution order. */
    static Optional<String> appliedVersion(Connection connection, String module) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT c.ID FROM DATABASECHANGELOG c"
                + " WHERE c.FILENAME IN (SELECT o.object_name FROM tessera_module_object o WHERE o.module_name = ? AND o.object_type = ?)"
                + " ORDER BY c.ORDEREXECUTED DESC")) {
            query.setString(1, module);
            query.setString(2, FILE);
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Drops the module's objects, newest first, and forgets its history, in the caller's
     * transaction (which audits the purge).
     *
     * @return the dropped objects, as {@code TABLE name} or {@code SEQUENCE name}
     */
    static List<String> purge(Connection connection, String module) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT object_type, object_name FROM tessera_module_object"
                + " WHERE module_name = ? ORDER BY created_order DESC")) {
            query.setString(1, module);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    objects.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        boolean derby = isDerby(connection);
        List<String> dropped = new ArrayList<>();
        try (Statement ddl = connection.createStatement();
                PreparedStatement forget = connection.prepareStatement("DELETE FROM DATABASECHANGELOG WHERE FILENAME = ?")) {
            for (String[] object : objects) {
                switch (object[0]) {
                    case TABLE -> ddl.execute("DROP TABLE " + identifier(object[1]));
                    case SEQUENCE -> ddl.execute("DROP SEQUENCE " + identifier(object[1]) + (derby ? " RESTRICT" : ""));
                    default -> {
                        forget.setString(1, object[1]);
                        forget.executeUpdate();
                        continue;
                    }
                }
                dropped.add(object[0] + " " + object[1]);
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tessera_module_object WHERE module_name = ?")) {
            delete.setString(1, module);
            delete.executeUpdate();
        }
        return dropped;
    }

    /** Derby's SQL for sequences differs from PostgreSQL's. */
    private static boolean isDerby(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("derby");
    }

    /** Names come from our own changelogs; refuse anything that is not a plain identifier all the same. */
    private static String identifier(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalStateException("not a plain SQL identifier: " + name);
        }
        return name;
    }
}
