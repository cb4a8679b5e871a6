package org.tessera.crm.service.impl.request;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestService;
import org.tessera.crm.service.api.sla.SlaSubjectHandler;
import org.tessera.crm.service.impl.ServiceUnit;
import org.tessera.crm.service.impl.entity.QueueEntity;
import org.tessera.crm.service.impl.setup.ServiceSetupImpl;

/**
 * Carries out the SLA actions that change a request (escalation, field update) through the request
 * service, so they are validated, kept in the history and audited like any change. The engine runs
 * them as the system.
 */
@Component(property = SlaSubjectHandler.ENTITY_TYPE + "=" + RequestService.ENTITY_TYPE)
public class RequestSlaHandler implements SlaSubjectHandler {
    private final RequestServiceImpl requests;
    private final Tx tx;

    @Activate
    public RequestSlaHandler(@Reference RequestServiceImpl requests, @Reference(name = "tx", target = ServiceUnit.TX) Tx tx) {
        this.requests = requests;
        this.tx = tx;
    }

    @Override
    public void escalate(String id, String queueCode, String priority) {
        RequestDTO request = requests.get(id);
        if (queueCode != null) {
            QueueEntity queue = tx.required(em -> ServiceSetupImpl.queueByCode(em, queueCode).orElse(null));
            if (queue != null) {
                request.queueId = String.valueOf(queue.id);
                Long owner = tx.required(em -> requests.distribute(em, em.find(QueueEntity.class, queue.id)));
                request.ownerId = owner == null ? request.ownerId : String.valueOf(owner);
            }
        }
        if (priority != null) {
            request.priority = priority;
        }
        requests.update(id, null, request);
    }

    @Override
    public void updateField(String id, String field, String value) {
        RequestDTO request = requests.get(id);
        switch (field) {
            case "priority" -> request.priority = value;
            case "severity" -> request.severity = value;
            case "status" -> request.status = value;
            case "reason" -> request.reason = value;
            case "ownerId" -> request.ownerId = value;
            default -> request.customFields.put(field.startsWith("customFields.") ? field.substring("customFields.".length()) : field, value);
        }
        requests.update(id, null, request);
    }

    @Override
    public String ownerOf(String id) {
        return requests.get(id).ownerId;
    }
}
