package org.tessera.crm.core.rest.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.RoleService;

/**
 * Turns an {@code Authorization} header into a {@link Caller}: HTTP Basic through the JAAS realm
 * (throttled per client address and login, see {@link LoginThrottle}, unless the same credentials
 * passed from the same address a moment ago, see {@link VerifiedCredentials}), or a bearer token. Either way a disabled login (in the role
 * configuration, or an inactive agent) is refused, and the permissions come from the roles as
 * configured now. The caller's org unit is that of the agent with the same login.
 */
@Component(service = RequestAuthenticator.class)
public class RequestAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(RequestAuthenticator.class);
    private static final String BASIC = "basic ";
    private static final String BEARER = "bearer ";

    private final JaasAuthenticator jaas;
    private final LoginThrottle throttle;
    private final TokenService tokens;
    private final RoleService roles;
    private final OrgService org;
    private final VerifiedCredentials verified;

    @Activate
    public RequestAuthenticator(@Reference(name = "jaas") JaasAuthenticator jaas, @Reference(name = "throttle") LoginThrottle throttle,
            @Reference(name = "tokens") TokenService tokens, @Reference(name = "roles") RoleService roles,
            @Reference(name = "org") OrgService org) {
        this.jaas = jaas;
        this.throttle = throttle;
        this.tokens = tokens;
        this.roles = roles;
        this.org = org;
        this.verified = new VerifiedCredentials(java.time.Clock.systemUTC(), Duration.ofMinutes(1), 10_000);
    }

    /**
     * @param authorization the request's {@code Authorization} header, or {@code null}
     * @param clientAddress the client's IP address, or {@code null} when unknown (then throttled per login only)
     */
    public Authentication authenticate(String authorization, String clientAddress) {
        if (authorization == null || authorization.isBlank()) {
            return new Authentication.Missing();
        }
        String lower = authorization.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith(BASIC)) {
            return basic(authorization.substring(BASIC.length()).trim(), clientAddress);
        }
        if (lower.startsWith(BEARER)) {
            return bearer(authorization.substring(BEARER.length()).trim());
        }
        return new Authentication.Refused("unsupported authorization scheme");
    }

    private Authentication basic(String encoded, String clientAddress) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return new Authentication.Refused("malformed basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return new Authentication.Refused("malformed basic credentials");
        }
        String login = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        VerifiedCredentials.Entry entry = verified.entry(clientAddress, login, password);
        boolean known = verified.recentlyVerified(entry);
        if (!known) {
            // counted before the password is checked, so that parallel guesses cannot all get past the throttle
            Duration locked = throttle.tryAttempt(clientAddress, login);
            if (!locked.isZero()) {
                return new Authentication.Throttled(locked);
            }
        }
        Optional<Set<String>> granted = jaas.login(login, password.toCharArray());
        if (granted.isEmpty()) {
            LOG.info("Failed login for {} from {}", login, clientAddress);
            verified.failed(entry);
            if (known) {
                // accepted a moment ago, refused now (the password changed): this one counts as a failure
                Duration locked = throttle.tryAttempt(clientAddress, login);
                if (!locked.isZero()) {
                    return new Authentication.Throttled(locked);
                }
            }
            return new Authentication.Refused("invalid login or password");
        }
        if (!known) {
            throttle.succeeded(clientAddress, login);
            verified.verified(entry);
        }
        return caller(login, granted.get());
    }

    private Authentication bearer(String token) {
        return tokens.verify(token)
                .map(claims -> caller(claims.login(), claims.roles()))
                .orElseGet(() -> new Authentication.Refused("invalid or expired token"));
    }

    private Authentication caller(String login, Set<String> roleNames) {
        // a case variant of a disabled login (LDAP ignores case) is disabled too
        if (roles.isDisabled(login) || roles.isDisabled(LoginThrottle.normalize(login))) {
            return new Authentication.Refused("login disabled");
        }
        Optional<AgentDTO> agent = org.findAgentByLogin(login);
        if (agent.isPresent() && !agent.get().active) {
            return new Authentication.Refused("login disabled");
        }
        String orgUnitId = agent.map(a -> a.orgUnitId).orElse(null);
        return new Authentication.Authenticated(new Caller(login, roleNames, roles.permissionsOf(roleNames), orgUnitId));
    }
}
