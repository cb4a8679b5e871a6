package org.tessera.crm.core.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TargetAddressesTest {
    /** Names resolved without DNS: what a hostile name could point at. */
    private static final Map<String, String[]> NAMES = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "local.example.com", new String[] {"93.184.216.34", "127.0.0.1"},
            "metadata.example.com", new String[] {"169.254.169.254"},
            "v6.example.com", new String[] {"2001:db8::1"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static TargetAddresses targets(boolean allowLoopback, boolean allowLinkLocal) {
        return new TargetAddresses(allowLoopback, allowLinkLocal, host -> {
            String[] addresses = NAMES.get(host);
            if (addresses == null) {
                if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
                    return new InetAddress[] {InetAddress.getByName(host)}; // a literal: no lookup
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        });
    }

    @Test
    void aPublicHttpOrHttpsTargetIsAccepted() {
        TargetAddresses strict = targets(false, false);
        assertEquals(Optional.empty(), strict.refusal("https://hooks.example.com/tessera"));
        assertEquals(Optional.empty(), strict.refusal("http://hooks.example.com:8080/in?x=1"));
        assertEquals(Optional.empty(), strict.refusal("https://v6.example.com/"));
        assertEquals(Optional.empty(), strict.refusal("https://93.184.216.34/"));
    }

    @Test
    void otherSchemesAndMalformedUrlsAreRefused() {
        TargetAddresses strict = targets(false, false);
        assertRefused(strict, "ftp://hooks.example.com/", "http or https");
        assertRefused(strict, "file:///etc/passwd", "http or https");
        assertRefused(strict, "/relative", "http or https");
        assertRefused(strict, "https://user:pw@hooks.example.com/", "credentials");
        assertRefused(strict, "https://hooks example.com/", "not a valid URL");
        assertRefused(strict, "https://nowhere.example.com/", "does not resolve");
        assertRefused(strict, "", "empty");
        assertRefused(strict, "https://hooks.example.com/" + "a".repeat(2_000), "at most");
    }

    @Test
    void loopbackLinkLocalAndAnyLocalAddressesAreRefused() {
        TargetAddresses strict = targets(false, false);
        assertRefused(strict, "http://127.0.0.1:8080/", "loopback");
        assertRefused(strict, "http://127.1.2.3/", "loopback");
        assertRefused(strict, "http://[::1]/", "loopback");
        assertRefused(strict, "http://localhost/", "loopback");
        assertRefused(strict, "http://0.0.0.0/", "any-local");
        assertRefused(strict, "http://[::]/", "any-local");
        assertRefused(strict, "http://169.254.169.254/latest/meta-data", "link-local");
        assertRefused(strict, "http://metadata.example.com/", "link-local");
        assertRefused(strict, "http://[fe80::1]/", "link-local");
        assertRefused(strict, "http://224.0.0.1/", "multicast");
        assertRefused(strict, "http://[::ffff:127.0.0.1]/", "loopback");
        assertRefused(strict, "http://local.example.com/", "loopback"); // one bad address of several is enough
    }

    @Test
    void theConfigurationAllowsLoopbackOrLinkLocal() {
        TargetAddresses loopback = targets(true, false);
        assertEquals(Optional.empty(), loopback.refusal("http://127.0.0.1:18100/hook"));
        assertEquals(Optional.empty(), loopback.refusal("http://[::1]/"));
        assertRefused(loopback, "http://169.254.169.254/", "link-local");
        TargetAddresses linkLocal = targets(false, true);
        assertEquals(Optional.empty(), linkLocal.refusal("http://169.254.1.1/"));
        assertRefused(linkLocal, "http://127.0.0.1/", "loopback");
        assertRefused(targets(true, true), "http://224.0.0.1/", "multicast");
    }

    private static void assertRefused(TargetAddresses targets, String url, String why) {
        Optional<String> refusal = targets.refusal(url);
        assertTrue(refusal.isPresent() && refusal.get().contains(why), url + " → " + refusal);
    }
}
