package org.tessera.crm.service.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.ValidationException;

/**
 * Letters and emails generated for a request from a {@link DocumentTemplateDTO}: merged with the
 * party, the request and the agent, rendered to HTML and PDF, kept with the request, and for an
 * email sent through the core's mail settings.
 */
@ProviderType
public interface DocumentService {
    /** @throws ValidationException naming the field (templateCode, to, a merge field the template uses but nobody provides) */
    DocumentDTO generate(String requestId, GenerateDocumentDTO command);

    List<DocumentDTO> documents(String requestId);

    DocumentDTO get(String requestId, String documentId);

    /** The PDF rendering, or an empty array when none was stored. */
    byte[] pdf(String requestId, String documentId);
}
