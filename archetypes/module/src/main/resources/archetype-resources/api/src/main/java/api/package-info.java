/**
 * The ${module} module's API: {@link ${package}.api.${entity}Service} and its value types. Other
 * modules use it through OSGi services; every change here is versioned (bnd baseline).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package ${package}.api;
