/**
 * The service module's API: service requests ({@link org.tessera.crm.service.api.RequestService}),
 * queues and assignment, request templates and generated documents, with their value types and
 * event topics. Other modules use it through OSGi services; every change here is versioned.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.tessera.crm.service.api;
