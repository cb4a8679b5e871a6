package org.tessera.crm.itests.cluster;

import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints the tail of every node's karaf.log when a test fails: the cause is usually there. */
public class NodeLogsOnFailure implements TestWatcher {
    /** A test class whose nodes' logs are printed. */
    interface WithNodes {
        List<Node> nodes();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getTestInstance().filter(WithNodes.class::isInstance).map(WithNodes.class::cast)
                .ifPresent(test -> test.nodes().forEach(node -> System.err.println(node.logTail(40))));
    }
}
