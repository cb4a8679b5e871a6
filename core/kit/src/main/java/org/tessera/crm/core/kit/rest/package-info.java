/**
 * How a bundle joins the Tessera REST API, and the helpers of every module's resources: the
 * application constants ({@link org.tessera.crm.core.kit.rest.TesseraApi}), entity tags and
 * {@code If-Match} preconditions ({@link org.tessera.crm.core.kit.rest.EntityTags}), query
 * parameter parsing into 400 problems ({@link org.tessera.crm.core.kit.rest.QueryParams}), JSON
 * merge patch of DTOs ({@link org.tessera.crm.core.kit.rest.MergePatcher}) with the API's one JSON
 * configuration ({@link org.tessera.crm.core.kit.rest.ObjectMappers}), the common responses
 * ({@link org.tessera.crm.core.kit.rest.Responses}) and RFC 9457 problems a resource may throw
 * ({@link org.tessera.crm.core.kit.rest.ProblemException}). The application's exception mappers
 * and JSON provider are whiteboard extensions of the core REST bundle: a module's application gets
 * them by carrying {@link org.tessera.crm.core.kit.rest.TesseraApi#API_PROPERTY}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tessera.crm.core.kit.rest;
