package org.tessera.crm.service.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tessera.crm.core.api.ValidationException;

/** The module's configuration: statuses, request types, queues, assignment rules, templates. Writes are upserts by code. */
@ProviderType
public interface ServiceSetup {
    List<StatusDTO> statuses();

    /** @throws ValidationException naming each invalid field */
    StatusDTO putStatus(StatusDTO status);

    List<RequestTypeDTO> types();

    RequestTypeDTO putType(RequestTypeDTO type);

    List<QueueDTO> queues();

    QueueDTO putQueue(QueueDTO queue);

    /** The assignment rules, in the order they are evaluated. */
    List<AssignmentRuleDTO> assignmentRules();

    /** Replaces the whole ordered list at once. */
    List<AssignmentRuleDTO> putAssignmentRules(List<AssignmentRuleDTO> rules);

    List<RequestTemplateDTO> templates();

    RequestTemplateDTO putTemplate(RequestTemplateDTO template);

    List<DocumentTemplateDTO> documentTemplates();

    DocumentTemplateDTO putDocumentTemplate(DocumentTemplateDTO template);
}
