package org.tessera.crm.core.rest.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.config.impl.Config;
import org.apache.karaf.jaas.config.impl.Module;
import org.apache.karaf.jaas.modules.ldap.LDAPLoginModule;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAAS realm {@value #NAME}, apart from Karaf's own {@code karaf} realm (shell and JMX users).
 * Karaf's JAAS configuration picks up every {@link JaasRealm} service. A users file by default,
 * LDAP by configuration alone (see {@link RealmConfig}); the demo users (known passwords) only in demo
 * mode ({@code demoUsers = true}). A configuration change is applied in place: Karaf asks
 * {@link #getEntries()} at every login, and keeping the service registered spares every API
 * application the rebuild (and its moment of 404) that a re-registered realm would cascade into.
 */
@Component(configurationPid = RealmConfig.PID)
@Designate(ocd = RealmConfig.class)
public class TesseraJaasRealm implements JaasRealm {
    public static final String NAME = "tessera";
    private static final Logger LOG = LoggerFactory.getLogger(TesseraJaasRealm.class);

    private final BundleContext context;
    private volatile Config realm;

    @Activate
    public TesseraJaasRealm(BundleContext context, RealmConfig config, Map<String, Object> properties) {
        this.context = context;
        this.realm = configure(config, properties);
    }

    @Modified
    void reconfigure(RealmConfig config, Map<String, Object> properties) {
        realm = configure(config, properties);
        LOG.info("Realm {} reconfigured", NAME);
    }

    private Config configure(RealmConfig config, Map<String, Object> properties) {
        List<Module> modules = new ArrayList<>();
        if ("ldap".equalsIgnoreCase(config.backend())) {
            Properties options = new Properties();
            properties.forEach((key, value) -> {
                if (key.startsWith(RealmConfig.LDAP_OPTION_PREFIX)) {
                    options.put(key.substring(RealmConfig.LDAP_OPTION_PREFIX.length()), String.valueOf(value));
                }
            });
            modules.add(module(LDAPLoginModule.class.getName(), options));
            LOG.info("Realm {} authenticates against LDAP {}", NAME, options.getProperty("connection.url"));
        } else {
            modules.add(usersFileModule(config.usersFile()));
        }
        if (config.demoUsers()) {
            modules.add(usersFileModule(config.demoUsersFile()));
            LOG.warn("Demo mode: realm {} also accepts the demo users of {}, whose passwords are published; "
                    + "set demoUsers = false in etc/{}.cfg before exposing the server", NAME, etcPath(config.demoUsersFile()), RealmConfig.PID);
        }
        // one source must say yes; with several, each may (a demo user is no user of the users file)
        modules.forEach(module -> module.setFlags(modules.size() == 1 ? "required" : "sufficient"));
        Config configured = new Config();
        configured.setName(NAME);
        configured.setRank(0);
        // the login module classes are loaded through this bundle, which imports their packages
        configured.setBundleContext(context);
        configured.setModules(modules.toArray(Module[]::new));
        return configured;
    }

    private static Module usersFileModule(String file) {
        Properties options = new Properties();
        options.put("users", etcPath(file));
        LOG.info("Realm {} authenticates against the users file {}", NAME, etcPath(file));
        return module(PropertiesLoginModule.class.getName(), options);
    }

    private static Module module(String className, Properties options) {
        Module module = new Module();
        module.setClassName(className);
        module.setOptions(options);
        return module;
    }

    static String etcPath(String file) {
        return file.replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return realm.getEntries();
    }
}
