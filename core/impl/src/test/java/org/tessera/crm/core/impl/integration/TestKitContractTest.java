package org.tessera.crm.core.impl.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.module.ModuleHeaders;
import org.tessera.crm.core.impl.audit.JdbcAuditRecorder;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;
import org.tessera.crm.core.testkit.TestAudit;
import org.tessera.crm.core.testkit.TestDatabase;

/**
 * What the test kit finds of the core on a module's test class path by name, checked against the
 * core itself: the changelog its bundle names and the audit recorder it registers.
 */
class TestKitContractTest {

    @Test
    void theKitMigratesTheChangelogThatTheCoreBundleNames() throws Exception {
        Path classes = Path.of(JdbcAuditRecorder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // bnd writes the bundle's manifest into the classes folder before the tests run
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            assertEquals(TestDatabase.CORE_CHANGELOG, new Manifest(in).getMainAttributes().getValue(ModuleHeaders.CHANGELOG));
        }
    }

    @Test
    void theKitsAuditRecorderIsTheCoresOwn() {
        assertTrue(TestAudit.coreRecorder(new ThreadLocalCallerContext()) instanceof JdbcAuditRecorder);
    }
}
