package ${package}.itests;

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
 * The Tessera distribution archive, booted by Pax Exam on free ports, with this build's artifacts
 * as the first Maven repository the container reads: the test deploys exactly what was built.
 */
final class TesseraDistribution {
    static final String HTTP_PORT = "tessera.itest.http.port";
    static final String MODULE_FEATURES = "tessera.module.features";

    private TesseraDistribution() {
    }

    static Option[] options() {
        File archive = new File(required("tessera.distribution.archive"));
        String moduleRepository = new File(required("tessera.module.repository")).toURI().toString();
        String httpPort = String.valueOf(freePort());
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration().frameworkUrl("file:" + archive.getAbsolutePath())
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false).name("Tessera CRM"),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            // Java 17 rejects a jar embedded in the Aries JAX-RS API bundle without this (the distribution's bin/setenv sets it too)
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            // demo mode, as bin/load-demo sets it: the demo users (admin/admin, ...) log in; a
            // production start ships no known password
            editConfigurationFilePut("etc/org.tessera.crm.security.realm.cfg", "demoUsers", "true"),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    moduleRepository + "@id=module@snapshots, ${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots,"
                    + " ${karaf.data.uri}kar@id=kar.repository@multi@snapshots"),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
            // Pax Exam waits 10 s by default for its probe's services; a loaded machine needs more
            systemProperty("pax.exam.service.timeout").value("120000"),
            systemProperty(HTTP_PORT).value(httpPort),
            systemProperty(MODULE_FEATURES).value(required(MODULE_FEATURES))));
        if (Boolean.getBoolean("tessera.itest.keep")) {
            options.add(keepRuntimeFolder()); // mvn verify -Dtessera.itest.keep=true leaves target/exam/* for a post-mortem
        }
        return options.toArray(Option[]::new);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the test through Maven (mvn verify)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
