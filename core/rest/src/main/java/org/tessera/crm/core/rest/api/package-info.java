/**
 * Helpers for the REST resources of every module of the Tessera application: entity tags and
 * {@code If-Match} preconditions ({@link org.tessera.crm.core.rest.api.EntityTags}), query
 * parameter parsing into 400 problems ({@link org.tessera.crm.core.rest.api.QueryParams}), JSON
 * merge patch of DTOs ({@link org.tessera.crm.core.rest.api.MergePatcher}) with the API's one JSON
 * configuration ({@link org.tessera.crm.core.rest.api.ObjectMappers}), the common responses
 * ({@link org.tessera.crm.core.rest.api.Responses}) and RFC 9457 problems a resource may throw
 * ({@link org.tessera.crm.core.rest.api.ProblemException}). The application's exception mappers
 * and JSON provider are whiteboard extensions: a module's resource gets them by selecting the
 * application ({@link org.tessera.crm.core.api.rest.TesseraApi#APPLICATION_SELECT}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.rest.api;
