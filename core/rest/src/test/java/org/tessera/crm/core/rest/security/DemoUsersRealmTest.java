package org.tessera.crm.core.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.AppConfigurationEntry;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The demo users (published passwords) are part of the realm only in demo mode. */
class DemoUsersRealmTest {

    private static RealmConfig properties(boolean demo) {
        return new RealmConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RealmConfig.class;
            }

            @Override
            public String backend() {
                return "properties";
            }

            @Override
            public String usersFile() {
                return "/srv/etc/tessera-users.properties";
            }

            @Override
            public boolean demoUsers() {
                return demo;
            }

            @Override
            public String demoUsersFile() {
                return "/srv/etc/tessera-demo-users.properties";
            }
        };
    }

    /** The realm's entries name the bundle that loads the login module: only its id is asked for. */
    private static BundleContext bundleContext() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getBundleId") ? 42L : null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getBundle") ? bundle : null);
    }

    private static List<String> usersFiles(AppConfigurationEntry[] entries) {
        return java.util.Arrays.stream(entries).map(entry -> String.valueOf(entry.getOptions().get("users"))).toList();
    }

    @Test
    void aProductionStartKnowsOnlyTheUsersFile() {
        AppConfigurationEntry[] entries = new TesseraJaasRealm(bundleContext(), properties(false), Map.of()).getEntries();
        assertEquals(List.of("/srv/etc/tessera-users.properties"), usersFiles(entries));
        assertEquals(LoginModuleControlFlag.REQUIRED, entries[0].getControlFlag());
    }

    @Test
    void demoModeAlsoAcceptsTheDemoUsers() {
        AppConfigurationEntry[] entries = new TesseraJaasRealm(bundleContext(), properties(true), Map.of()).getEntries();
        assertEquals(List.of("/srv/etc/tessera-users.properties", "/srv/etc/tessera-demo-users.properties"), usersFiles(entries));
        assertEquals(LoginModuleControlFlag.SUFFICIENT, entries[0].getControlFlag());
        assertEquals(LoginModuleControlFlag.SUFFICIENT, entries[1].getControlFlag());
    }

    /** Leaving demo mode takes effect on the registered realm itself: no re-registration, no API rebuild. */
    @Test
    void aConfigurationChangeIsAppliedInPlace() {
        TesseraJaasRealm realm = new TesseraJaasRealm(bundleContext(), properties(true), Map.of());
        realm.reconfigure(properties(false), Map.of());
        assertEquals(List.of("/srv/etc/tessera-users.properties"), usersFiles(realm.getEntries()));
        realm.reconfigure(properties(true), Map.of());
        assertEquals(2, realm.getEntries().length);
    }
}
