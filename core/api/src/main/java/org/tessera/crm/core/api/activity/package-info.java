/**
 * Activities: calls, meetings, emails, letters, visits, tasks and notes, with their outcome, participants and links to business records of other modules.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.tessera.crm.core.api.activity;
