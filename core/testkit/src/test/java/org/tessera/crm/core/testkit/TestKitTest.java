package org.tessera.crm.core.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.security.Caller;

/** The kit on its own, without the core on the class path (the core's tests use it with the core). */
class TestKitTest {

    @Test
    void aDerbyDatabaseLivesInATemporaryDirectoryThatCloseDeletes() throws Exception {
        Path directory;
        try (TestDatabase database = TestDatabase.derby(); Connection connection = database.dataSource().getConnection()) {
            directory = Path.of(connection.getMetaData().getURL().replaceFirst("^jdbc:derby:", "")).getParent();
            assertTrue(Files.isDirectory(directory), directory.toString());
        }
        assertFalse(Files.exists(directory), directory + " deleted");
    }

    @Test
    void aModuleMigrationWithoutTheCoreOnTheClassPathSaysWhatToAdd() throws Exception {
        try (TestDatabase database = TestDatabase.derby()) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> database.migrate("widgets", "org/example/widgets/changelog.xml"));
            assertTrue(refused.getMessage().contains("add org.tessera.crm.core.impl as a test dependency"), refused.getMessage());
        }
    }

    @Test
    void theCallerIsBoundToTheTestThreadUntilUnbound() throws Exception {
        TestCallerContext callers = new TestCallerContext();
        Caller agent = new Caller("agent", Set.of("agent"), Set.of("core.party.read"), null);
        assertEquals("system", callers.currentLogin());
        assertEquals("agent", callers.as(agent, callers::currentLogin));
        assertEquals(Optional.empty(), callers.current(), "unbound after the work");
        callers.bind(agent);
        AtomicReference<Optional<Caller>> seenElsewhere = new AtomicReference<>();
        Thread other = new Thread(() -> seenElsewhere.set(callers.current()));
        other.start();
        other.join();
        assertEquals(Optional.empty(), seenElsewhere.get(), "another thread has no caller");
        assertTrue(callers.permits("core.party.read"));
        assertFalse(callers.permits("core.party.write"));
        callers.unbind();
        assertTrue(callers.permits("core.party.write"), "the system may do anything");
    }
}
