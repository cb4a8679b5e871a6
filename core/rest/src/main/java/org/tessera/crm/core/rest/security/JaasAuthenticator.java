package org.tessera.crm.core.rest.security;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a login and password against the JAAS realm {@code tessera}; the answer is the login's roles. */
@Component(service = JaasAuthenticator.class)
public class JaasAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    /** Only there so that logins wait for the realm to be registered. */
    @Reference(target = "(component.name=org.tessera.crm.core.rest.security.TesseraJaasRealm)")
    private JaasRealm realm;

    /** The roles of the login, or empty when the realm refuses the password. */
    public Optional<Set<String>> login(String login, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads Karaf's proxy module through the context class loader
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(TesseraJaasRealm.NAME, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(login);
                    } else if (callback instanceof PasswordCallback secret) {
                        secret.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            Set<String> roles = new TreeSet<>();
            for (Principal principal : subject.getPrincipals(RolePrincipal.class)) {
                roles.add(principal.getName());
            }
            return Optional.of(roles);
        } catch (LoginException refused) {
            LOG.debug("Login refused for {}: {}", login, refused.getClass().getSimpleName());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
