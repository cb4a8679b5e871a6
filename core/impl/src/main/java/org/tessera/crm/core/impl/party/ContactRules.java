package org.tessera.crm.core.impl.party;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Syntax checks of contact values. Deliberately permissive: they catch typos, not every RFC corner. */
public final class ContactRules {
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9 +\\-.()]+");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private ContactRules() {
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 320 && EMAIL.matcher(value).matches()
                && !value.contains("..") && !value.startsWith(".");
    }

    /** Digits, spaces, {@code + - . ( )}, with 6 to 20 digits. */
    public static boolean isPhone(String value) {
        if (value == null || !PHONE_CHARS.matcher(value).matches()) {
            return false;
        }
        long digits = value.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= 6 && digits <= 20;
    }

    /** An absolute http or https URL with a host. */
    public static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    /** An ISO 3166-1 alpha-2 code, upper case. */
    public static boolean isCountry(String value) {
        return value != null && COUNTRIES.contains(value);
    }
}
