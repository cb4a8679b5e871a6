package org.tessera.crm.core.impl.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which receivers a webhook may reach (SSRF): an absolute http(s) URL whose host resolves only to
 * addresses outside loopback, link-local, any-local and multicast, unless the configuration allows
 * loopback or link-local. Checked when a subscription is written and again before each attempt,
 * since what a name resolves to may change.
 */
final class TargetAddresses {
    static final int MAX_URL = 2_000;

    /** Resolves a host name to every address it has. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopback;
    private final boolean allowLinkLocal;
    private final Resolver resolver;

    TargetAddresses(boolean allowLoopback, boolean allowLinkLocal, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.allowLinkLocal = allowLinkLocal;
        this.resolver = resolver;
    }

    TargetAddresses(WebhookConfig config) {
        this(config.allowLoopback(), config.allowLinkLocal(), InetAddress::getAllByName);
    }

    /** Why {@code url} may not be a target, or empty when it may. */
    Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be empty");
        }
        if (url.length() > MAX_URL) {
            return Optional.of("must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                return Optional.of("host " + host + " resolves to " + refused.get() + " address " + address.getHostAddress()
                        + ", which webhooks may not reach");
            }
        }
        return Optional.empty();
    }

    /** The kind of a refused address ("loopback"…), or empty when webhooks may reach it. */
    Optional<String> refusal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("a loopback");
        }
        if (address.isAnyLocalAddress()) {
            return allowLinkLocal || allowLoopback ? Optional.empty() : Optional.of("an any-local");
        }
        if (address.isLinkLocalAddress()) {
            return allowLinkLocal ? Optional.empty() : Optional.of("a link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        return Optional.empty();
    }
}
