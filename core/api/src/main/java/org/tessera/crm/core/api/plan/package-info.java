/**
 * Action plans: a template of dated steps that, launched on any record (a service request, an
 * opportunity, a policy), creates the planned core activities and tracks their completion.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.plan;
