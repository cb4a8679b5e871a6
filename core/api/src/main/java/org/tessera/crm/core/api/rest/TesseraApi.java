package org.tessera.crm.core.api.rest;

/**
 * How a bundle joins the Tessera REST API. A module registers its resources and extensions with
 * the JAX-RS whiteboard and selects the application by {@link #APPLICATION_SELECT}:
 *
 * <pre>
 * &#64;Component(service = OpportunitiesResource.class)
 * &#64;JaxrsResource
 * &#64;JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
 * &#64;Path(TesseraApi.VERSION_PATH + "/opportunities")
 * public class OpportunitiesResource { … }
 * </pre>
 *
 * <p>A bundle that ships {@value #OPENAPI_RESOURCE} (generated from its resources at build time)
 * has its paths and schemas merged into the served OpenAPI document while it is active.
 */
public final class TesseraApi {
    /** Value of {@code osgi.jaxrs.name} of the Tessera application. */
    public static final String APPLICATION_NAME = "tessera";
    /** Filter for {@code osgi.jaxrs.application.select} that puts a resource or extension in the Tessera application. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
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
