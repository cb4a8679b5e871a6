package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.RoleService;

/**
 * The realm {@code tessera} with {@code backend = ldap}, against a real LDAP server (UnboundID's
 * in-memory directory) that the test starts on a free port of the loopback. The realm is built by
 * {@link TesseraJaasRealm} itself from its configuration, and its entries are used as Karaf uses
 * them: a JAAS login through Karaf's {@link ProxyLoginModule}, which loads {@code LDAPLoginModule}.
 * The options are those the README documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapRealmTest {
    private static final String BASE = "dc=example,dc=com";
    private static final String JDOE = "uid=jdoe,ou=people," + BASE;

    private InMemoryDirectoryServer directory;
    private Configuration jaasConfiguration;
    private Configuration previousConfiguration;

    @BeforeAll
    void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
        directory.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: " + JDOE, "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "uid: jdoe", "cn: John Doe", "sn: Doe", "userPassword: secret");
        directory.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
        directory.add("dn: cn=agent,ou=groups," + BASE, "objectClass: top", "objectClass: groupOfNames", "cn: agent",
                "member: " + JDOE);
        directory.startListening();

        TesseraJaasRealm realm = new TesseraJaasRealm(FakeBundle.context(), ldapBackend(), ldapOptions(directory.getListenPort()));
        jaasConfiguration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return TesseraJaasRealm.NAME.equals(name) ? realm.getEntries() : null;
            }
        };
        // what Karaf's JAAS bundle does at start: the proxy module loads the real one through a bundle
        ProxyLoginModule.init(FakeBundle.context());
        previousConfiguration = Configuration.getConfiguration();
        Configuration.setConfiguration(jaasConfiguration); // as Karaf installs its own, for JaasAuthenticator
    }

    @AfterAll
    void stop() {
        Configuration.setConfiguration(previousConfiguration);
        if (directory != null) {
            directory.shutDown(true);
        }
    }

    /** The configuration README documents, as {@code etc/org.tessera.crm.security.realm.cfg} would give it. */
    private static Map<String, Object> ldapOptions(int port) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("backend", "ldap");
        properties.put("ldap.connection.url", "ldap://127.0.0.1:" + port);
        properties.put("ldap.user.base.dn", "ou=people," + BASE);
        properties.put("ldap.user.filter", "(uid=%u)");
        properties.put("ldap.user.search.subtree", "true");
        properties.put("ldap.role.base.dn", "ou=groups," + BASE);
        properties.put("ldap.role.filter", "(member=%fqdn)");
        properties.put("ldap.role.name.attribute", "cn");
        properties.put("ldap.authentication", "simple");
        return properties;
    }

    private static RealmConfig ldapBackend() {
        return new RealmConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RealmConfig.class;
            }

            @Override
            public String backend() {
                return "ldap";
            }

            @Override
            public String usersFile() {
                return "unused";
            }

            @Override
            public boolean demoUsers() {
                return false;
            }

            @Override
            public String demoUsersFile() {
                return "unused";
            }
        };
    }

    private Subject login(String login, String password) throws LoginException {
        Subject subject = new Subject();
        new LoginContext(TesseraJaasRealm.NAME, subject, callbacks -> {
            for (var callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(login);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        }, jaasConfiguration).login();
        return subject;
    }

    private static Set<String> names(Set<? extends Principal> principals) {
        Set<String> names = new java.util.TreeSet<>();
        principals.forEach(p -> names.add(p.getName()));
        return names;
    }

    @Test
    void theRealmUsesKarafsLdapLoginModuleWithTheLdapOptionsUnprefixed() {
        AppConfigurationEntry[] entries = jaasConfiguration.getAppConfigurationEntry(TesseraJaasRealm.NAME);
        assertEquals(1, entries.length);
        Map<String, ?> options = entries[0].getOptions();
        assertEquals("org.apache.karaf.jaas.modules.ldap.LDAPLoginModule", options.get(ProxyLoginModule.PROPERTY_MODULE));
        assertEquals("(uid=%u)", options.get("user.filter"));
        assertEquals(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, entries[0].getControlFlag());
    }

    @Test
    void theRightPasswordLogsInWithTheUserAndItsGroupsAsRoles() throws LoginException {
        Subject subject = login("jdoe", "secret");
        assertEquals(Set.of("jdoe"), names(subject.getPrincipals(UserPrincipal.class)));
        assertEquals(Set.of("agent"), names(subject.getPrincipals(RolePrincipal.class)));
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThrows(LoginException.class, () -> login("jdoe", "wrong"));
    }

    @Test
    void anUnknownUserIsRefused() {
        assertThrows(LoginException.class, () -> login("nobody", "secret"));
    }

    @Test
    void aBasicRequestOfAnLdapUserBecomesACallerWithThePermissionsOfItsGroup() {
        Set<String> agentPermissions = Set.of("core.party.read", "core.party.write");
        RequestAuthenticator requests = new RequestAuthenticator(new JaasAuthenticator(),
                new LoginThrottle(new InMemoryLoginCounterStore(), 5, Duration.ofSeconds(60), java.time.Clock.systemUTC()),
                null, // tokens: not used by Basic authentication
                rolesGranting(Map.of("agent", agentPermissions)), noAgents());

        Authentication accepted = requests.authenticate(basic("jdoe", "secret"), "127.0.0.1");
        Caller caller = assertInstanceOf(Authentication.Authenticated.class, accepted).caller();
        assertEquals("jdoe", caller.login());
        assertEquals(Set.of("agent"), caller.roles());
        assertEquals(agentPermissions, caller.permissions());
        assertTrue(caller.hasPermission("core.party.read"));

        assertInstanceOf(Authentication.Refused.class, requests.authenticate(basic("jdoe", "wrong"), "127.0.0.1"));
        assertInstanceOf(Authentication.Refused.class, requests.authenticate(basic("nobody", "secret"), "127.0.0.1"));
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The role configuration reduced to what authentication asks of it: the permissions of roles. */
    private static RoleService rolesGranting(Map<String, Set<String>> grants) {
        return stub(RoleService.class, (method, args) -> switch (method) {
            case "permissionsOf" -> {
                Set<String> permissions = new java.util.TreeSet<>();
                for (Object role : (Set<?>) args[0]) {
                    permissions.addAll(grants.getOrDefault(role, Set.of()));
                }
                yield permissions;
            }
            case "isDisabled" -> false;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    /** No agent records: the caller has no org unit. */
    private static OrgService noAgents() {
        return stub(OrgService.class, (method, args) -> {
            if (method.equals("findAgentByLogin")) {
                return Optional.<AgentDTO>empty();
            }
            throw new UnsupportedOperationException(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    /** An implementation of {@code type} answering as told; identity equality, as the LDAP cache keys its options by them. */
    private static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(LdapRealmTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> type.getSimpleName() + " stub";
                    default -> answer.answer(method.getName(), args);
                }));
    }

    /**
     * The only bundle of this test: {@link TesseraJaasRealm}'s entries name it as the bundle that
     * loads the login module, and the proxy module asks it for that class.
     */
    private static final class FakeBundle {
        private static final long ID = 42;

        static BundleContext context() {
            Bundle bundle = stub(Bundle.class, (method, args) -> switch (method) {
                case "getBundleId" -> ID;
                case "loadClass" -> load((String) args[0]);
                default -> throw new UnsupportedOperationException(method);
            });
            return stub(BundleContext.class, (method, args) -> {
                if (method.equals("getBundle") && (args == null || Long.valueOf(ID).equals(args[0]))) {
                    return bundle;
                }
                throw new UnsupportedOperationException(method);
            });
        }

        private static Class<?> load(String name) {
            try {
                return Class.forName(name, false, TesseraJaasRealm.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
