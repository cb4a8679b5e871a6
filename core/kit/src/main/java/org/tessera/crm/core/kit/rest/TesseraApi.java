package org.tessera.crm.core.kit.rest;

/**
 * How a bundle joins the Tessera REST API. The core serves its resources in the application
 * {@value #APPLICATION_NAME} at {@code /tessera/api}. A module brings its own JAX-RS application
 * under {@code /tessera/api/v1/<module>}, marked with {@link #API_PROPERTY} so that the core's
 * extensions (security, JSON, problem responses) join it, and puts its resources in it:
 *
 * <pre>
 * &#64;Component(service = Application.class, property = TesseraApi.API_PROPERTY + "=true")
 * &#64;JaxrsName("tessera.sales")
 * &#64;JaxrsApplicationBase(TesseraApi.APPLICATION_BASE + TesseraApi.VERSION_PATH + "/sales")
 * &#64;JaxrsExtensionSelect(TesseraApi.SECURITY_EXTENSION_SELECT)
 * &#64;ApplicationPath(TesseraApi.VERSION_PATH + "/sales")
 * public class SalesApplication extends Application { }
 *
 * &#64;Component(service = OpportunitiesResource.class)
 * &#64;JaxrsResource
 * &#64;JaxrsApplicationSelect("(osgi.jaxrs.name=tessera.sales)")
 * &#64;Path("/opportunities")
 * public class OpportunitiesResource { … }
 * </pre>
 *
 * <p>Why an application per module rather than one shared application: the whiteboard rebuilds an
 * application whenever one of its resources comes or goes, and requests to it fail while it does.
 * With its own application, installing, updating or removing a module never touches the core's
 * endpoints nor those of other modules.
 *
 * <p>The {@code @ApplicationPath} is not used at runtime (the base is); it tells the OpenAPI
 * generator where the module's paths live.
 *
 * <p>A bundle that ships {@value #OPENAPI_RESOURCE} (generated from its resources at build time)
 * has its paths and schemas merged into the served OpenAPI document while it is active.
 */
public final class TesseraApi {
    /** Value of {@code osgi.jaxrs.name} of the Tessera application. */
    public static final String APPLICATION_NAME = "tessera";
    /** Filter for {@code osgi.jaxrs.application.select} that puts a resource or extension in the Tessera application. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    /**
     * Service property, set to {@code true}, of every Tessera JAX-RS application: the core's and
     * each module's. The core's extensions select the applications that carry it.
     */
    public static final String API_PROPERTY = "tessera.api";
    /** Value of {@code osgi.jaxrs.name} of the whiteboard's default application, which serves resources that select no application. */
    public static final String DEFAULT_APPLICATION_NAME = ".default";
    /**
     * Filter for {@code osgi.jaxrs.application.select} of an extension that serves every Tessera
     * application, and the whiteboard's default application too: a resource registered there by
     * mistake (it selects no application) is then authenticated and denied like a Tessera method
     * that declares no permission, never served unguarded.
     */
    public static final String EXTENSIONS_SELECT = "(|(" + API_PROPERTY + "=true)(osgi.jaxrs.name=" + DEFAULT_APPLICATION_NAME + "))";
    /** Name of the core extension that authenticates callers and checks permissions. */
    public static final String SECURITY_EXTENSION_NAME = "tessera.security";
    /**
     * Filter for {@code osgi.jaxrs.extension.select} that every Tessera application must carry: the
     * whiteboard then serves it only while the security extension is present, never unguarded.
     */
    public static final String SECURITY_EXTENSION_SELECT = "(osgi.jaxrs.name=" + SECURITY_EXTENSION_NAME + ")";
    /** Base path of the application, relative to the HTTP context root: {@code /tessera/api}. */
    public static final String APPLICATION_BASE = "tessera/api";
    /** Path prefix of version 1 of the API inside the application. */
    public static final String VERSION_PATH = "/v1";

    /** JSON Merge Patch (RFC 7386), the body of every {@code PATCH}. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    /** Problem details (RFC 9457), the body of every error response. */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** Class path resource in which a bundle ships the OpenAPI 3 document of its resources. */
    public static final String OPENAPI_RESOURCE = "META-INF/tessera/openapi.json";

    private TesseraApi() {
    }
}
