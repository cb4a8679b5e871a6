package org.tessera.crm.sales.impl.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.tessera.crm.sales.impl.entity.OpportunityEntity;

/**
 * The forecast summary, table {@code sales_forecast_total}: per owner, calendar month of the expected
 * close date, forecast category and currency, the deals' count, amount and amount × probability.
 * Every deal write moves it in its own transaction ({@link #move}), so a forecast of a period (whole
 * months) reads a few rows per owner instead of each deal of the period — 100,000 at the top of a
 * large hierarchy, which the database cannot sum within a rollup's budget.
 *
 * <p>Deals written behind the module's back (SQL, a restore) leave it behind: {@link #rebuild} sums
 * it again from the deals, and the bundle does so when it starts and the counts disagree.
 */
public final class ForecastTotals {
    /** What one deal adds to the summary; a deal without owner or close date is in no forecast. */
    record Share(Key key, BigDecimal amount, int probability) {
        static Optional<Share> of(OpportunityEntity deal) {
            if (deal.ownerId == null || deal.expectedCloseDate == null || deal.forecastCategory == null) {
                return Optional.empty();
            }
            return Optional.of(new Share(new Key(deal.ownerId, deal.expectedCloseDate.withDayOfMonth(1), deal.forecastCategory,
                    deal.currency == null ? "" : deal.currency), deal.amount == null ? BigDecimal.ZERO : deal.amount, deal.probability));
        }

        BigDecimal weighted() {
            return amount.multiply(BigDecimal.valueOf(probability));
        }
    }

    /** A summary row's key. Ordered so that concurrent writers lock rows in one order and never deadlock. */
    record Key(long ownerId, LocalDate month, String category, String currency) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::ownerId).thenComparing(Key::month)
                .thenComparing(Key::category).thenComparing(Key::currency);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** A change of one summary row. */
    record Delta(Key key, long count, BigDecimal amount, BigDecimal weighted) {
        boolean isNone() {
            return count == 0 && amount.signum() == 0 && weighted.signum() == 0;
        }
    }

    private static final String UPDATE = "UPDATE sales_forecast_total SET deal_count = deal_count + ?, amount_sum = amount_sum + ?, "
            + "weighted_sum = weighted_sum + ? WHERE owner_id = ? AND close_month = ? AND forecast_category = ? AND currency = ?";
    private static final String INSERT = "INSERT INTO sales_forecast_total (deal_count, amount_sum, weighted_sum, owner_id, close_month, "
            + "forecast_category, currency) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private ForecastTotals() {
    }

    /** The deltas that take the summary from a deal's {@code before} to its {@code after} (either may be absent). */
    static List<Delta> deltas(Optional<Share> before, Optional<Share> after) {
        Map<Key, Delta> byKey = new TreeMap<>();
        before.ifPresent(s -> add(byKey, new Delta(s.key(), -1, s.amount().negate(), s.weighted().negate())));
        after.ifPresent(s -> add(byKey, new Delta(s.key(), 1, s.amount(), s.weighted())));
        return byKey.values().stream().filter(d -> !d.isNone()).toList();
    }

    private static void add(Map<Key, Delta> byKey, Delta delta) {
        byKey.merge(delta.key(), delta, (a, b) -> new Delta(a.key(), a.count() + b.count(), a.amount().add(b.amount()),
                a.weighted().add(b.weighted())));
    }

    /** Moves the summary for one deal's write, in {@code em}'s transaction. */
    static void move(EntityManager em, Optional<Share> before, Optional<Share> after) {
        List<Delta> deltas = deltas(before, after);
        if (deltas.isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        try {
            for (Delta delta : deltas) {
                apply(connection, delta);
            }
        } catch (SQLException e) {
            throw new PersistenceException("could not move the forecast totals of " + deltas.get(0).key(), e);
        }
    }

    /**
     * Adds to the row, or creates it. Two transactions may create the same row at once: the loser's
     * insert fails on the key, is undone to a savepoint (PostgreSQL would otherwise abort the whole
     * transaction) and adds to the winner's row instead.
     */
    private static void apply(Connection connection, Delta delta) throws SQLException {
        if (execute(connection, UPDATE, delta) == 1) {
            return;
        }
        Savepoint beforeInsert = connection.setSavepoint();
        try {
            execute(connection, INSERT, delta);
            connection.releaseSavepoint(beforeInsert);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            connection.rollback(beforeInsert);
            if (execute(connection, UPDATE, delta) != 1) {
                throw e;
            }
        }
    }

    private static int execute(Connection connection, String sql, Delta delta) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, delta.count());
            statement.setBigDecimal(2, delta.amount());
            statement.setBigDecimal(3, delta.weighted());
            statement.setLong(4, delta.key().ownerId());
            statement.setObject(5, java.sql.Date.valueOf(delta.key().month()));
            statement.setString(6, delta.key().category());
            statement.setString(7, delta.key().currency());
            return statement.executeUpdate();
        }
    }

    /** Whether the summary counts as many deals as there are deals in a forecast. */
    static boolean matchesDeals(EntityManager em) {
        return counted(em) == forecastDeals(em);
    }

    static long counted(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT COALESCE(SUM(deal_count), 0) FROM sales_forecast_total").getSingleResult()).longValue();
    }

    static long forecastDeals(EntityManager em) {
        return em.createQuery("SELECT COUNT(o.id) FROM OpportunityEntity o WHERE o.ownerId IS NOT NULL AND o.expectedCloseDate IS NOT NULL",
                Long.class).getSingleResult();
    }

    /**
     * Sums the summary again from the deals, in {@code em}'s transaction. The deals table is locked
     * in share mode first, so no deal write slips between the read and the new rows (writers wait;
     * they lock the deal before its summary rows, as this does, so none deadlocks with it).
     *
     * @return the number of summary rows written
     */
    public static int rebuild(EntityManager em) {
        Connection connection = em.unwrap(Connection.class);
        Map<Key, Delta> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE sales_opportunity IN SHARE MODE");
            statement.executeUpdate("DELETE FROM sales_forecast_total");
            // grouped by day: month arithmetic differs between databases, the fold below does not
            try (ResultSet r = statement.executeQuery("SELECT owner_id, expected_close_date, forecast_category, currency, COUNT(id), "
                    + "SUM(amount), SUM(amount * probability) FROM sales_opportunity WHERE owner_id IS NOT NULL "
                    + "AND expected_close_date IS NOT NULL GROUP BY owner_id, expected_close_date, forecast_category, currency")) {
                while (r.next()) {
                    String currency = r.getString(4);
                    Key key = new Key(r.getLong(1), r.getDate(2).toLocalDate().withDayOfMonth(1), r.getString(3), currency == null ? "" : currency);
                    add(rows, new Delta(key, r.getLong(5), orZero(r.getBigDecimal(6)), orZero(r.getBigDecimal(7))));
                }
            }
            insertAll(connection, new ArrayList<>(rows.values()));
        } catch (SQLException e) {
            throw new PersistenceException("could not rebuild the forecast totals", e);
        }
        return rows.size();
    }

    private static void insertAll(Connection connection, List<Delta> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (Delta row : rows) {
                insert.setLong(1, row.count());
                insert.setBigDecimal(2, row.amount());
                insert.setBigDecimal(3, row.weighted());
                insert.setLong(4, row.key().ownerId());
                insert.setObject(5, java.sql.Date.valueOf(row.key().month()));
                insert.setString(6, row.key().category());
                insert.setString(7, row.key().currency());
                insert.addBatch();
                if (++pending == 1000) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
