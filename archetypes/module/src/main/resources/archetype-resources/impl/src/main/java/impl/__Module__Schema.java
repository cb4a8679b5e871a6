package ${package}.impl;

/**
 * Marker service registered once the module's migrations have run; {@link ${Module}Tx} requires
 * it, so nothing touches the module's tables before they exist.
 */
public interface ${Module}Schema {
    String PROPERTY = "tessera.schema";
    String TARGET = "(" + PROPERTY + "=${module})";
}
