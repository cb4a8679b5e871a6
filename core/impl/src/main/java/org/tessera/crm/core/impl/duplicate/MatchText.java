package org.tessera.crm.core.impl.duplicate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The normalized forms duplicate rules compare: folded text and email addresses. */
public final class MatchText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private MatchText() {
    }

    /**
     * Case and accents folded, letters NFD has no decomposition for spelled out (ø, œ, æ, ß, ł, đ),
     * every run of punctuation or white space one space, trimmed; {@code null} when nothing is left.
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String lower = plain.toLowerCase(Locale.ROOT).replace("ø", "o").replace("œ", "oe").replace("æ", "ae")
                .replace("ß", "ss").replace("ł", "l").replace("đ", "d").replace("ı", "i");
        String collapsed = NOT_ALPHANUMERIC.matcher(lower).replaceAll(" ").trim();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** {@link #fold} without any space: a postal code or registration number as one token. */
    public static String compact(String text) {
        String folded = fold(text);
        return folded == null ? null : folded.replace(" ", "");
    }

    /**
     * An email address trimmed and lower-cased. Dots and {@code +tags} of the local part are kept:
     * whether they matter depends on the mail provider, and merging two real addresses is worse than
     * missing a duplicate.
     */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.trim().toLowerCase(Locale.ROOT);
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The value trimmed; {@code null} when empty. */
    public static String trimmed(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
