/**
 * Common types of the Tessera core API: paging, field errors and the exceptions every module throws and every REST resource maps to a problem response.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tessera.crm.core.api;
