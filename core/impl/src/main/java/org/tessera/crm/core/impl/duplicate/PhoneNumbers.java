package org.tessera.crm.core.impl.duplicate;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164 ({@code +} and 8 to 15 digits), for comparison only: the stored value is
 * never rewritten. A number without an international prefix ({@code +} or {@code 00}) is taken as
 * national in the configured default country: its trunk prefix {@code 0} is dropped, except in the
 * countries whose numbers keep it after the country code (Italy, San Marino, Vatican). Numbers that
 * hold letters, or too few or too many digits, have no E.164 form.
 */
public final class PhoneNumbers {
    private static final Set<String> TRUNK_ZERO_KEPT = Set.of("39", "378", "379");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(ext\\.?|extension|poste|x|#)\\s*\\d{1,6}\\s*$");
    private static final Pattern ALLOWED = Pattern.compile("[0-9+()\\-./ \\u00a0]+");
    private static final Pattern CALLING_CODE = Pattern.compile("[1-9][0-9]{0,2}");
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    private final String defaultCallingCode;

    /** @param defaultCallingCode the calling code of national numbers, e.g. {@code 33} or {@code +33} */
    public PhoneNumbers(String defaultCallingCode) {
        String code = defaultCallingCode == null ? "" : defaultCallingCode.trim().replaceFirst("^\\+", "");
        if (!CALLING_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a country calling code: " + defaultCallingCode);
        }
        this.defaultCallingCode = code;
    }

    /** The E.164 form of {@code raw}, or {@code null} when it is not a phone number. */
    public String toE164(String raw) {
        if (raw == null) {
            return null;
        }
        String number = EXTENSION.matcher(raw.trim()).replaceFirst("");
        if (number.isEmpty() || !ALLOWED.matcher(number).matches() || number.lastIndexOf('+') > 0) {
            return null;
        }
        boolean international = number.startsWith("+");
        if (international) {
            // "+33 (0)6 …": the national trunk prefix written in parentheses is not dialled
            number = number.replace("(0)", "");
        }
        String digits = number.replaceAll("\\D", "");
        String full;
        if (international) {
            full = digits;
        } else if (digits.startsWith("00")) {
            full = digits.substring(2);
        } else if ("1".equals(defaultCallingCode) && digits.startsWith("011")) {
            full = digits.substring(3);
        } else if ("1".equals(defaultCallingCode) && digits.length() == 11 && digits.startsWith("1")) {
            full = digits;
        } else if (digits.startsWith("0") && !TRUNK_ZERO_KEPT.contains(defaultCallingCode)) {
            full = defaultCallingCode + digits.substring(1);
        } else {
            full = defaultCallingCode + digits;
        }
        if (full.length() < MIN_DIGITS || full.length() > MAX_DIGITS || full.startsWith("0")) {
            return null;
        }
        return "+" + full;
    }
}
