package org.tessera.crm.core.impl.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.security.LoginCounterDTO;
import org.tessera.crm.core.api.security.PermissionProvider;
import org.tessera.crm.core.api.security.TokenKey;
import org.tessera.crm.core.impl.audit.AuditTrail;
import org.tessera.crm.core.impl.jpa.CoreUnit;
import org.tessera.crm.core.impl.testing.SystemUnlessBoundCallers;
import org.tessera.crm.core.testkit.EmfTx;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * The token key, the failed-login counters, and the roles and disabled logins on a real database, as nodes share them: each "node"
 * is a store instance of its own, every transaction on a connection of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractAuthenticationStoresTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private TestDatabase database;
    private EmfTx tx;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    protected abstract TestDatabase startDatabase() throws Exception;

    @BeforeAll
    void start() throws Exception {
        database = startDatabase();
        database.migrateCore();
        tx = new EmfTx(CoreUnit.NAME, database.dataSource());
    }

    @BeforeEach
    @AfterEach
    void empty() {
        execute("DELETE FROM token_key");
        execute("DELETE FROM login_counter");
        execute("DELETE FROM security_role_permission");
        execute("DELETE FROM security_role");
        execute("DELETE FROM disabled_login");
        execute("DELETE FROM security_revision");
    }

    @AfterAll
    void stop() throws Exception {
        pool.shutdownNow();
        tx.close();
        database.close();
    }

    private JdbcTokenKeyStore keyNode() {
        return new JdbcTokenKeyStore(tx, () -> NOW);
    }

    private static byte[] secret(int seed) {
        byte[] secret = new byte[32];
        secret[0] = (byte) seed;
        secret[31] = (byte) (seed >> 8);
        return secret;
    }

    @Test
    void aTokenSignedWithOneNodesKeyVerifiesWithTheOthersAndARotationIsSeenByAll() throws Exception {
        JdbcTokenKeyStore a = keyNode();
        JdbcTokenKeyStore b = keyNode();
        assertTrue(b.current().isEmpty());
        TokenKey first = a.createIfAbsent(secret(1));
        assertEquals(1, first.generation());
        byte[] signed = hmac(a.current().orElseThrow().secret(), "mdupont");
        assertArrayEquals(signed, hmac(b.current().orElseThrow().secret(), "mdupont"), "node b verifies what node a signed");
        assertEquals(first, b.createIfAbsent(secret(2)), "a second creation keeps the first key");

        TokenKey rotated = a.replace(secret(3));
        assertEquals(2, rotated.generation());
        assertArrayEquals(secret(3), b.current().orElseThrow().secret(), "node b reads the rotated key");
        assertEquals(1, rows("SELECT COUNT(*) FROM token_key"));
        assertThrows(IllegalArgumentException.class, () -> b.replace(new byte[16]));
        assertArrayEquals(secret(3), a.current().orElseThrow().secret(), "a short key is refused and changes nothing");
    }

    @Test
    void anUnusableStoredKeySaysWhatToDoWithoutShowingIt() {
        execute("INSERT INTO token_key (id, secret, generation, created_at) VALUES (1, 'c2hvcnQ-', 1, CURRENT_TIMESTAMP)");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> keyNode().current());
        assertTrue(refused.getMessage().contains("delete the row of token_key"), refused.getMessage());
        assertFalse(refused.getMessage().contains("2d") || refused.getMessage().contains("c2hvcnQ"), refused.getMessage());
    }

    @Test
    void aFirstKeyCreatedWhileAnotherNodesIsNotCommittedYetEndsWithTheOther() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<TokenKey> a = pool.submit(() -> tx.required(em -> {
            TokenKey key = keyNode().createIfAbsent(secret(1));
            inserted.countDown();
            await(commit);
            return key;
        }));
        inserted.await(10, TimeUnit.SECONDS);
        Future<TokenKey> b = pool.submit(() -> keyNode().createIfAbsent(secret(2)));
        assertThrows(TimeoutException.class, () -> b.get(300, TimeUnit.MILLISECONDS), "node b waits for node a's insert");
        commit.countDown();
        assertArrayEquals(secret(1), a.get(10, TimeUnit.SECONDS).secret());
        assertArrayEquals(secret(1), b.get(10, TimeUnit.SECONDS).secret(), "node b ends with node a's key");
        assertEquals(1, rows("SELECT COUNT(*) FROM token_key"));
    }

    @Test
    void nodesStartingAtOnceAllEndWithOneKey() throws Exception {
        for (int round = 0; round < 5; round++) {
            execute("DELETE FROM token_key");
            CyclicBarrier start = new CyclicBarrier(6);
            List<Future<TokenKey>> nodes = new ArrayList<>();
            for (int node = 0; node < 6; node++) {
                int seed = round * 10 + node + 1;
                nodes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return keyNode().createIfAbsent(secret(seed));
                }));
            }
            Set<String> secrets = new HashSet<>();
            for (Future<TokenKey> node : nodes) {
                secrets.add(java.util.Base64.getEncoder().encodeToString(node.get(30, TimeUnit.SECONDS).secret()));
            }
            assertEquals(1, secrets.size(), "round " + round);
            assertEquals(1, rows("SELECT COUNT(*) FROM token_key"));
        }
    }

    @Test
    void countersAreSharedByTheNodesAndStoredUnderADigestOfTheirKey() {
        JdbcLoginCounterStore a = new JdbcLoginCounterStore(tx);
        JdbcLoginCounterStore b = new JdbcLoginCounterStore(tx);
        String pair = "pair\n192.0.2.1\nadmin";
        a.update(List.of(pair, "address\n192.0.2.1"), NOW, counters -> {
            counters.get(0).failures = 2;
            counters.get(0).locks = 1;
            counters.get(0).lockedUntil = NOW.plusSeconds(60);
            counters.get(1).windowStart = NOW;
            return null;
        });
        LoginCounterDTO seen = b.update(List.of(pair), NOW.plusSeconds(1), counters -> counters.get(0));
        assertEquals(pair, seen.key);
        assertEquals(2, seen.failures);
        assertEquals(1, seen.locks);
        assertEquals(NOW.plusSeconds(60), seen.lockedUntil);
        assertNull(seen.windowStart);
        assertEquals(NOW.plusSeconds(1), seen.lastSeen);
        assertEquals(NOW, b.update(List.of("address\n192.0.2.1"), NOW, counters -> counters.get(0).windowStart));

        assertEquals(2, b.count());
        assertEquals(0, rows("SELECT COUNT(*) FROM login_counter WHERE counter_key LIKE '%admin%' OR counter_key LIKE '%192%'"),
                "no login nor address in clear");
        a.update(List.of("address\n192.0.2.1"), NOW, counters -> counters.get(0).failures = 1);
        b.succeeded(pair, "address\n192.0.2.1");
        b.succeeded(pair, "address\n192.0.2.1");
        LoginCounterDTO cleared = a.update(List.of(pair), NOW, counters -> counters.get(0));
        assertEquals(0, cleared.failures, "the pair is cleared");
        assertEquals(0, cleared.locks);
        assertNull(cleared.lockedUntil);
        int left = a.update(List.of("address\n192.0.2.1"), NOW, counters -> counters.get(0).failures);
        assertEquals(0, left, "one failure taken back, never below zero");
        assertThrows(IllegalArgumentException.class, () -> a.update(List.of(pair, pair), NOW, counters -> null));
    }

    @Test
    void parallelAttemptsOnSeveralNodesCountOneAfterTheOther() throws Exception {
        int guesses = 24;
        CyclicBarrier start = new CyclicBarrier(8);
        AtomicInteger passed = new AtomicInteger();
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            JdbcLoginCounterStore node = new JdbcLoginCounterStore(tx);
            boolean first = i < 8;
            attempts.add(pool.submit(() -> {
                if (first) {
                    start.await(10, TimeUnit.SECONDS);
                }
                boolean allowed = node.update(List.of("address\n192.0.2.1", "pair\n192.0.2.1\nadmin"), NOW, counters -> {
                    counters.get(1).failures++;
                    if (counters.get(0).failures >= 3) {
                        return false;
                    }
                    counters.get(0).failures++;
                    return true;
                });
                if (allowed) {
                    passed.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> attempt : attempts) {
            attempt.get(60, TimeUnit.SECONDS);
        }
        assertEquals(3, passed.get(), "only three guesses pass the check");
        int counted = new JdbcLoginCounterStore(tx).update(List.of("pair\n192.0.2.1\nadmin"), NOW, c -> c.get(0).failures);
        assertEquals(guesses, counted, "no count is lost");
    }

    @Test
    void successesAndAttemptsInParallelNeverWaitOnEachOtherInACycle() throws Exception {
        String address = "address\n192.0.2.9";
        String pair = null;
        for (int i = 0; pair == null; i++) {
            String candidate = "pair\n192.0.2.9\nuser" + i;
            // a success touching the pair first would then take the rows in the other order than an attempt
            if (JdbcLoginCounterStore.digest(address).compareTo(JdbcLoginCounterStore.digest(candidate)) < 0) {
                pair = candidate;
            }
        }
        String login = pair;
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<?>> nodes = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            JdbcLoginCounterStore node = new JdbcLoginCounterStore(tx);
            nodes.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                for (int i = 0; i < 40; i++) {
                    node.update(List.of(login, address), NOW, counters -> {
                        counters.get(0).failures++;
                        counters.get(1).failures++;
                        return null;
                    });
                    node.succeeded(login, address);
                }
                return null;
            }));
        }
        for (Future<?> node : nodes) {
            node.get(120, TimeUnit.SECONDS);
        }
        int left = new JdbcLoginCounterStore(tx).update(List.of(address), NOW, counters -> counters.get(0).failures);
        assertEquals(0, left, "every attempt was taken back");
    }

    @Test
    void idleUnlockedCountersAreForgottenAndTheLeastRecentlySeenGoBeyondTheBound() {
        JdbcLoginCounterStore store = new JdbcLoginCounterStore(tx);
        store.update(List.of("idle"), NOW, c -> null);
        store.update(List.of("idle but locked"), NOW, c -> {
            c.get(0).lockedUntil = NOW.plusSeconds(3600);
            return null;
        });
        for (int i = 0; i < 10; i++) {
            store.update(List.of("recent " + i), NOW.plusSeconds(1800 + (i < 5 ? 0 : i)), c -> null);
        }
        assertEquals(1, store.forgetIdle(NOW.plusSeconds(60), NOW.plusSeconds(1800), 100), "only the idle unlocked counter");
        assertEquals(11, store.count());
        assertEquals(5, store.forgetIdle(NOW.plusSeconds(60), NOW.plusSeconds(1800), 6), "the bound keeps the 6 most recent");
        assertEquals(6, store.count());
        for (int i = 5; i < 10; i++) {
            assertEquals(1, rows("SELECT COUNT(*) FROM login_counter WHERE counter_key = '" + JdbcLoginCounterStore.digest("recent " + i) + "'"),
                    "recent " + i);
        }
        assertFalse(store.forgetIdle(NOW, NOW, 6) > 0, "nothing beyond the bound, nothing idle");
    }

    private static RolesConfig rolesFile(String roles, String disabledLogins) {
        return new RolesConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RolesConfig.class;
            }

            @Override
            public String roles() {
                return roles;
            }

            @Override
            public String disabledLogins() {
                return disabledLogins;
            }
        };
    }

    /** A node's role service with its own roles file, comparing with the database at every call. */
    private SharedRoleService roleNode(String roles, String disabledLogins) {
        SharedRoleService node = new SharedRoleService(tx, new AuditTrail(new SystemUnlessBoundCallers()),
                rolesFile(roles, disabledLogins), Duration.ZERO);
        node.addPermissionProvider(new PermissionProvider() {
            @Override
            public String module() {
                return "core";
            }

            @Override
            public Set<String> permissions() {
                return Set.of("core.party.read", "core.party.write", "core.audit.read");
            }
        });
        return node;
    }

    @Test
    void theFirstNodeSeedsRolesAndDisabledLoginsFromItsFileOnceAndEveryNodeReadsThemFromTheDatabase() {
        SharedRoleService a = roleNode("admin=*; agent=core.party.read", "leaver");
        assertEquals(Set.of("admin", "agent"), a.roles().keySet());
        SharedRoleService b = roleNode("admin=*; other=core.audit.read", "");
        assertEquals(Set.of("admin", "agent"), b.roles().keySet(), "B's file came after the database was seeded");
        assertEquals(Set.of("core.party.read"), b.permissionsOf(Set.of("agent")));
        assertTrue(b.isDisabled("leaver"));
        assertEquals(1, rows("SELECT revision FROM security_revision"));
    }

    @Test
    void aChangeOnOneNodeIsSeenOnTheOtherAndAudited() {
        SharedRoleService a = roleNode("admin=*", "");
        SharedRoleService b = roleNode("admin=*", "");
        assertEquals(Set.of(), b.permissionsOf(Set.of("auditor")));
        a.grant("auditor", Set.of("core.audit.read"));
        assertEquals(Set.of("core.audit.read"), b.permissionsOf(Set.of("auditor")));
        a.setDisabled("leaver", true);
        assertTrue(b.isDisabled("leaver"));
        b.setDisabled("leaver", false);
        assertFalse(a.isDisabled("leaver"));
        b.remove("auditor");
        assertFalse(a.roles().containsKey("auditor"));
        assertEquals(2, rows("SELECT COUNT(*) FROM audit_record WHERE entity_type = 'ROLE' AND entity_id = 'auditor'"));
        assertEquals(2, rows("SELECT COUNT(*) FROM audit_record WHERE entity_type = 'LOGIN' AND entity_id = 'leaver'"));
        a.setDisabled("leaver", false);
        assertEquals(2, rows("SELECT COUNT(*) FROM audit_record WHERE entity_type = 'LOGIN' AND entity_id = 'leaver'"),
                "enabling an enabled login changes nothing, so it is not audited");
    }

    @Test
    void badRolesPermissionsAndLoginsAreRefusedBeforeTheDatabase() {
        SharedRoleService a = roleNode("admin=*", "");
        assertEquals("permissions", assertThrows(ValidationException.class,
                () -> a.grant("auditor", Set.of("sales.deal.read"))).errors().get(0).field);
        assertEquals("role", assertThrows(ValidationException.class, () -> a.grant("no spaces", Set.of())).errors().get(0).field);
        assertEquals("login", assertThrows(ValidationException.class, () -> a.setDisabled("x".repeat(201), true)).errors().get(0).field);
        assertFalse(a.roles().containsKey("auditor"));
    }

    @Test
    void rolesGrantedAtOnceOnTwoNodesAreBothKept() throws Exception {
        SharedRoleService a = roleNode("admin=*", "");
        SharedRoleService b = roleNode("admin=*", "");
        a.roles();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> grants = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            SharedRoleService roles = node == 0 ? a : b;
            String role = "role" + node;
            grants.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    together.await(10, TimeUnit.SECONDS);
                    roles.grant(role + "-" + i, Set.of("core.party.read"));
                }
                return null;
            }));
        }
        for (Future<?> grant : grants) {
            grant.get(60, TimeUnit.SECONDS);
        }
        assertEquals(21, a.roles().size(), "admin and the 20 roles: " + a.roles().keySet());
        assertEquals(a.roles(), b.roles());
        assertEquals(21, rows("SELECT revision FROM security_revision"));
    }

    private static byte[] hmac(byte[] key, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        tx.required(em -> {
            try (PreparedStatement statement = em.unwrap(Connection.class).prepareStatement(sql)) {
                return statement.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int rows(String sql) {
        return tx.required(em -> {
            try (PreparedStatement statement = em.unwrap(Connection.class).prepareStatement(sql); ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
