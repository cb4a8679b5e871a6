package org.tessera.crm.core.impl.outbox;

/**
 * A topic's place in the change feed. Topics have the shape {@code org/tessera/crm/<module>/<entity>/<ACTION>};
 * the feed type of a core record is its entity ({@code party}), that of a module's record
 * {@code <module>.<entity>} ({@code sales.opportunity}).
 */
final class FeedTypes {
    static final String PREFIX = "org/tessera/crm/";
    static final String CORE = "core";

    private FeedTypes() {
    }

    static String typeOf(String topic) {
        String path = topic.startsWith(PREFIX) ? topic.substring(PREFIX.length()) : topic;
        int last = path.lastIndexOf('/');
        String subject = last < 0 ? path : path.substring(0, last);
        if (subject.startsWith(CORE + "/")) {
            subject = subject.substring(CORE.length() + 1);
        }
        return subject.replace('/', '.');
    }

    static String actionOf(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    /** The module of a feed type: {@code core} for the core's types. */
    static String moduleOf(String type) {
        int dot = type.indexOf('.');
        return dot < 0 ? CORE : type.substring(0, dot);
    }
}
