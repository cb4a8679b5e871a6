package org.tessera.crm.core.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "a-secret-of-the-receiver";
    private static final byte[] BODY = "{\"eventId\":\"1001\",\"action\":\"UPDATED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampAndTheBodyWithHmacSha256() {
        // computed independently: printf '%s' '1700000000.{"eventId":"1001","action":"UPDATED"}' | openssl dgst -sha256 -hmac a-secret-of-the-receiver
        assertEquals("t=1700000000,v1=8fc1c320d9f4142b30fde8d4704b71c28dec619244f0d9746aa77a35cec513db", WebhookSignature.header(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void verifiesItsOwnSignatureOnly() {
        String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
        assertTrue(WebhookSignature.verifies(header, SECRET, BODY));
        assertFalse(WebhookSignature.verifies(header, SECRET + "x", BODY), "another secret");
        assertFalse(WebhookSignature.verifies(header, SECRET, "{}".getBytes(StandardCharsets.UTF_8)), "another body");
        assertFalse(WebhookSignature.verifies(header.replace("t=1700000000", "t=1700000001"), SECRET, BODY), "another timestamp");
        assertFalse(WebhookSignature.verifies("t=1700000000,v1=zz", SECRET, BODY), "not hex");
        assertFalse(WebhookSignature.verifies("v1=00", SECRET, BODY), "no timestamp");
    }
}
