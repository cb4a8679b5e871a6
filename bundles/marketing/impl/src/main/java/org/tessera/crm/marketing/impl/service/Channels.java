package org.tessera.crm.marketing.impl.service;

import java.util.List;

import org.tessera.crm.core.api.activity.ActivityTypes;
import org.tessera.crm.marketing.api.CampaignType;

/**
 * A campaign type's channel: the contact mechanism whose opt-out it honours and the activity channel
 * and type its responses are recorded with; and the SQL that says who may not be contacted.
 */
final class Channels {
    static final String ALL = "ALL";

    private Channels() {
    }

    /** EMAIL, PHONE, POSTAL, or null for a type that reaches no address of the party (event, web, advertising). */
    static String mechanism(CampaignType type) {
        return switch (type) {
            case EMAIL -> "EMAIL";
            case PHONE -> "PHONE";
            case DIRECT_MAIL -> "POSTAL";
            default -> null;
        };
    }

    static String activityChannel(CampaignType type) {
        return switch (type) {
            case EMAIL -> ActivityTypes.CHANNEL_EMAIL;
            case PHONE -> ActivityTypes.CHANNEL_PHONE;
            case DIRECT_MAIL -> ActivityTypes.CHANNEL_MAIL;
            default -> ActivityTypes.CHANNEL_WEB;
        };
    }

    static String activityType(String channel) {
        return switch (channel) {
            case ActivityTypes.CHANNEL_PHONE -> ActivityTypes.CALL;
            case ActivityTypes.CHANNEL_EMAIL -> ActivityTypes.EMAIL;
            case ActivityTypes.CHANNEL_MAIL -> ActivityTypes.LETTER;
            case ActivityTypes.CHANNEL_COUNTER -> ActivityTypes.VISIT;
            default -> ActivityTypes.NOTE;
        };
    }

    /**
     * SQL true for a member (alias {@code m}) that must not be contacted on the campaign's channel:
     * on the suppression list (for that channel or all), or with no address of the channel that is
     * not opted out. The values to bind are {@link #suppressedParams}.
     */
    static String suppressedSql(String mechanism) {
        String listed = "EXISTS (SELECT 1 FROM marketing_suppression sp WHERE sp.party_id = m.party_id AND sp.channel IN (?, ?))";
        if (mechanism == null) {
            return listed;
        }
        return "(" + listed + " OR NOT EXISTS (SELECT 1 FROM contact_mechanism cm WHERE cm.party_id = m.party_id"
                + " AND cm.mech_type = ? AND cm.opt_out = ?))";
    }

    static List<Object> suppressedParams(String mechanism) {
        return mechanism == null ? List.of(ALL, ALL) : List.of(mechanism, ALL, mechanism, Boolean.FALSE);
    }
}
