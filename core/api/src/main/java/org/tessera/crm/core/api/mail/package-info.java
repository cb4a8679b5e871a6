/**
 * Outgoing mail through the server's one SMTP configuration ({@code etc/org.tessera.crm.mail.cfg}):
 * marketing's email sends and service's generated emails both go through the
 * {@link org.tessera.crm.core.api.mail.MailSender} service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.tessera.crm.core.api.mail;
