package org.tessera.crm.core.rest.security;

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
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAAS realm {@value #NAME}, apart from Karaf's own {@code karaf} realm (shell and JMX users).
 * Karaf's JAAS configuration picks up every {@link JaasRealm} service. A users file by default,
 * LDAP by configuration alone (see {@link RealmConfig}); a configuration change re-registers the realm.
 */
@Component(configurationPid = RealmConfig.PID)
@Designate(ocd = RealmConfig.class)
public class TesseraJaasRealm implements JaasRealm {
    public static final String NAME = "tessera";
    private static final Logger LOG = LoggerFactory.getLogger(TesseraJaasRealm.class);

    private final Config realm = new Config();

    @Activate
    public TesseraJaasRealm(BundleContext context, RealmConfig config, Map<String, Object> properties) {
        Module module = new Module();
        module.setFlags("required");
        Properties options = new Properties();
        if ("ldap".equalsIgnoreCase(config.backend())) {
            module.setClassName(LDAPLoginModule.class.getName());
            properties.forEach((key, value) -> {
                if (key.startsWith(RealmConfig.LDAP_OPTION_PREFIX)) {
                    options.put(key.substring(RealmConfig.LDAP_OPTION_PREFIX.length()), String.valueOf(value));
                }
            });
            LOG.info("Realm {} authenticates against LDAP {}", NAME, options.getProperty("connection.url"));
        } else {
            module.setClassName(PropertiesLoginModule.class.getName());
            String usersFile = config.usersFile().replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"));
            options.put("users", usersFile);
            LOG.info("Realm {} authenticates against the users file {}", NAME, usersFile);
        }
        module.setOptions(options);
        realm.setName(NAME);
        realm.setRank(0);
        // the login module class is loaded through this bundle, which imports its package
        realm.setBundleContext(context);
        realm.setModules(new Module[] {module});
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
