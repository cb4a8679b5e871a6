package org.tessera.crm.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots the real distribution archive (the one {@code bin/start} users unpack) in Pax Exam, on
 * free ports, so that the tests exercise exactly what ships.
 */
final class TesseraContainer {
    static final String HTTP_PORT_PROPERTY = "tessera.itest.http.port";
    /** Path of version 2 of the dealer pack's implementation bundle, for DealerExampleIT's update test. */
    static final String DEALER_V2_PROPERTY = "tessera.dealer.v2.bundle";
    /** The configuration of the JAAS realm "tessera", whose demoUsers turns demo mode on. */
    static final String REALM_PID = "org.tessera.crm.security.realm";

    private TesseraContainer() {
    }

    private static Option[] options;

    /** The same options for every test class, so that one container boot serves the whole suite. */
    static synchronized Option[] options() {
        if (options == null) {
            options = createOptions();
        }
        return options.clone();
    }

    private static Option[] createOptions() {
        String archive = System.getProperty("tessera.distribution.archive");
        if (archive == null || !new File(archive).isFile()) {
            throw new IllegalStateException("tessera.distribution.archive does not name the built distribution: " + archive);
        }
        String httpPort = String.valueOf(freePort());
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration()
                    .frameworkUrl("file:" + new File(archive).getAbsolutePath())
                    .unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false)
                    .name("Tessera CRM"),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // Java 17 rejects a jar embedded in the Aries JAX-RS API bundle without this (see bin/setenv).
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
            // demo mode, as bin/load-demo sets it: the demo users (admin/admin, mdupont, ...) log in
            editConfigurationFilePut("etc/" + REALM_PID + ".cfg", "demoUsers", "true"),
            // API users of the tests, beside the shipped demo users
            editConfigurationFilePut("etc/tessera-users.properties", "nobody", "nobody,nopermission"),
            editConfigurationFilePut("etc/tessera-users.properties", "throttled", "right-password,agent"),
            editConfigurationFilePut("etc/tessera-users.properties", "leaver", "leaver,admin"),
            editConfigurationFilePut("etc/tessera-users.properties", "it-agent-a", "it-agent-a,agent"),
            editConfigurationFilePut("etc/tessera-users.properties", "it-agent-b", "it-agent-b,agent"),
            editConfigurationFilePut("etc/tessera-users.properties", "it-manager", "it-manager,manager"),
            // an agent of it-agent-a's agency who may also export (ExportIT grants the role it-exporter)
            editConfigurationFilePut("etc/tessera-users.properties", "it-export-a", "it-export-a,agent,it-exporter"),
            // Pax Exam waits 10 s by default for its probe's services; a loaded 2-core machine needs more
            systemProperty("pax.exam.service.timeout").value("120000"),
            systemProperty(HTTP_PORT_PROPERTY).value(httpPort),
            systemProperty(DEALER_V2_PROPERTY).value(new File(System.getProperty(DEALER_V2_PROPERTY, "")).getAbsolutePath())));
        // the fuzz test's seed and size, when given to Maven, and where it writes its report
        // and the hot-swap soak's length
        for (String passed : List.of(MalformedInputFuzzIT.SEED_PROPERTY, MalformedInputFuzzIT.PER_OPERATION_PROPERTY,
                HotSwapIT.CYCLES_PROPERTY)) {
            if (System.getProperty(passed) != null) {
                options.add(systemProperty(passed).value(System.getProperty(passed)));
            }
        }
        options.addAll(ItestDatabase.options());
        options.add(systemProperty(MalformedInputFuzzIT.REPORT_PROPERTY).value(new File("target/fuzz-report.txt").getAbsolutePath()));
        if (Boolean.getBoolean("tessera.itest.keep")) {
            options.add(keepRuntimeFolder()); // -Dtessera.itest.keep=true leaves target/exam/* for a post-mortem
        }
        return options.toArray(Option[]::new);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
