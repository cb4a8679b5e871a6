package org.tessera.crm.core.impl.privacy;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.tessera.crm.core.api.party.ContactMechanismType;

/** The channels a consent is given for, the contact mechanism whose opt-out stands for each, and the purpose codes. */
final class ConsentChannels {
    /** Each channel and the type of contact mechanism it reaches (SMS goes to phone numbers). */
    static final Map<String, ContactMechanismType> MECHANISM = Map.of("EMAIL", ContactMechanismType.EMAIL, "PHONE",
            ContactMechanismType.PHONE, "SMS", ContactMechanismType.PHONE, "POSTAL", ContactMechanismType.POSTAL, "WEB",
            ContactMechanismType.WEB);
    static final Set<String> CHANNELS = MECHANISM.keySet();
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,49}");

    private ConsentChannels() {
    }

    static boolean validPurpose(String purpose) {
        return purpose != null && PURPOSE.matcher(purpose).matches();
    }

    /** The channels whose consent an opted-out mechanism of this type withdraws. */
    static Set<String> channelsOf(String mechanismType) {
        return switch (mechanismType) {
            case "PHONE" -> Set.of("PHONE", "SMS");
            default -> CHANNELS.contains(mechanismType) ? Set.of(mechanismType) : Set.of();
        };
    }
}
