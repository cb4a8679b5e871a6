package org.tessera.crm.core.modules;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This node's id in the module state tables: configured, or the host name and the installation's
 * folder. The folder, not the Karaf instance name: every distribution's instance is "root", and two
 * nodes on one machine (as in the cluster test) would otherwise share an id.
 */
final class NodeIds {
    static final int MAX_LENGTH = 200;

    private NodeIds() {
    }

    /**
     * @param configured {@link ModulesConfig#nodeId()}; blank for the default
     * @param host       the host name, null when unknown
     * @param instance   the installation's folder ({@code karaf.base}), null when unknown
     * @throws IllegalArgumentException when the configured id is longer than {@value #MAX_LENGTH} characters
     */
    static String resolve(String configured, String host, String instance) {
        if (configured != null && !configured.isBlank()) {
            String id = configured.trim();
            if (id.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("nodeId in etc/" + ModulesConfig.PID + ".cfg is longer than " + MAX_LENGTH
                        + " characters");
            }
            return id;
        }
        String id = (host == null || host.isBlank() ? "localhost" : host.trim()) + ":"
                + (instance == null || instance.isBlank() ? "root" : instance.trim());
        // the end of a long path tells installations apart better than its start
        return id.length() <= MAX_LENGTH ? id : id.substring(id.length() - MAX_LENGTH);
    }

    /** This node's id, from the configuration or the machine. */
    static String of(ModulesConfig config) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv("HOSTNAME");
        }
        return resolve(config.nodeId(), host, System.getProperty("karaf.base"));
    }
}
