package org.tessera.crm.service.impl.document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.mail.MailDeliveryException;
import org.tessera.crm.core.api.mail.MailMessage;
import org.tessera.crm.core.api.mail.MailSender;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.template.Escaping;
import org.tessera.crm.core.kit.template.MergeTemplate;
import org.tessera.crm.core.kit.template.PartyMergeFields;
import org.tessera.crm.service.api.DocumentDTO;
import org.tessera.crm.service.api.DocumentService;
import org.tessera.crm.service.api.DocumentTemplateDTO;
import org.tessera.crm.service.api.GenerateDocumentDTO;
import org.tessera.crm.service.api.RequestDTO;
import org.tessera.crm.service.api.RequestElementDTO.ElementKind;
import org.tessera.crm.service.api.ServiceTopics;
import org.tessera.crm.service.impl.ServiceUnit;
import org.tessera.crm.service.impl.entity.DocumentEntity;
import org.tessera.crm.service.impl.request.RequestServiceImpl;
import org.tessera.crm.service.impl.setup.ServiceSetupImpl;
import org.tessera.crm.service.impl.sla.EngineClock;
import org.tessera.crm.service.impl.sla.ServiceConfig;

/**
 * Letters and emails of a request, through the core's one template mechanism ({@link MergeTemplate})
 * and mail sender ({@link MailSender}): merged with the party ({@link PartyMergeFields}), the request
 * and the agent, stored as HTML (and PDF) with the request, listed in its dossier.
 */
@Component(service = {DocumentService.class, DocumentServiceImpl.class}, configurationPid = ServiceConfig.PID)
public class DocumentServiceImpl implements DocumentService {
    static final String ENTITY_TYPE = "SERVICE_DOCUMENT";
    /** How long a claimed delivery is left to the node that claimed it before another may try it again. */
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration LONGEST_WAIT = Duration.ofHours(6);

    private final Tx tx;
    private final RequestServiceImpl requests;
    private final ServiceSetupImpl setup;
    private final PartyService parties;
    private final OrgService org;
    private final CallerContext callers;
    private final MailSender mail;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final EngineClock clock;
    private final int maxAttempts;
    private final Duration firstRetry;

    @Activate
    public DocumentServiceImpl(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx, @Reference RequestServiceImpl requests,
            @Reference ServiceSetupImpl setup, @Reference PartyService parties, @Reference OrgService org, @Reference CallerContext callers,
            @Reference MailSender mail, @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder,
            @Reference EngineClock clock, ServiceConfig config) {
        this.tx = tx;
        this.requests = requests;
        this.setup = setup;
        this.parties = parties;
        this.org = org;
        this.callers = callers;
        this.mail = mail;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder);
        this.clock = clock;
        this.maxAttempts = Math.max(1, config.mailMaxAttempts());
        this.firstRetry = Duration.ofMinutes(Math.max(1, config.mailRetryMinutes()));
    }

    @Override
    public DocumentDTO generate(String requestId, GenerateDocumentDTO command) {
        RequestDTO request = requests.get(requestId);
        if (command == null || command.templateCode == null) {
            throw new ValidationException(FieldError.required("templateCode"));
        }
        DocumentTemplateDTO template = tx.required(em -> setup.documentTemplate(em, command.templateCode))
                .orElseThrow(() -> new ValidationException(FieldError.invalid("templateCode", "no such document template")));
        String partyId = command.partyId != null ? command.partyId : request.contactId != null ? request.contactId : request.partyId;
        FieldErrors errors = new FieldErrors();
        Ids.reference("partyId", partyId, errors);
        errors.throwIfAny();
        PartyDTO party = parties.find(partyId).orElseThrow(() -> new ValidationException(FieldError.invalid("partyId", "no such party")));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("party", PartyMergeFields.of(party));
        model.put("request", requestFields(request));
        model.put("agent", agentFields(request));
        String html = MergeTemplate.parse("body", template.body).render(model, Escaping.HTML);
        String subject = template.subject == null ? null : MergeTemplate.parse("subject", template.subject).render(model, Escaping.NONE);

        List<String> to = new ArrayList<>();
        if (template.kind == DocumentTemplateDTO.DocumentKind.EMAIL) {
            to.addAll(command.to == null ? List.of() : command.to);
            if (to.isEmpty() && party.contactMechanisms != null) {
                Object email = PartyMergeFields.of(party).get("email");
                if (email != null) {
                    to.add(email.toString());
                }
            }
            if (to.isEmpty()) {
                throw new ValidationException(FieldError.invalid("to", "the party has no email address: give one"));
            }
        }
        byte[] pdf = command.pdf || template.kind == DocumentTemplateDTO.DocumentKind.LETTER ? PdfRenderer.render(subject, html) : null;

        String messageId = null;
        String deliveryError = null;
        if (template.kind == DocumentTemplateDTO.DocumentKind.EMAIL) {
            MailMessage message = new MailMessage();
            message.to = to;
            message.subject = subject;
            message.html = html;
            try {
                messageId = mail.send(message);
            } catch (MailDeliveryException e) {
                if (e.permanent()) {
                    throw new ValidationException(FieldError.invalid("to", "refused by the mail server: " + e.getMessage()));
                }
                deliveryError = e.getMessage();
            }
        }
        String sentId = messageId;
        String sendError = deliveryError;
        Instant now = clock.now();
        DocumentDTO stored = tx.required(em -> {
            DocumentEntity e = new DocumentEntity();
            e.requestId = Ids.of(RequestServiceImpl.ENTITY_TYPE, request.id);
            e.templateCode = template.code;
            e.kind = template.kind.name();
            e.subject = subject == null ? null : subject.substring(0, Math.min(300, subject.length()));
            e.html = html;
            e.pdf = pdf;
            e.sentTo = to.isEmpty() ? null : String.join(",", to); // the recipients, kept for a retry
            e.messageId = sentId;
            e.createdAt = now;
            if (template.kind == DocumentTemplateDTO.DocumentKind.EMAIL) {
                e.sendAttempts = 1;
                settle(e, sentId, sendError, false, now);
            }
            em.persist(e);
            em.flush();
            DocumentDTO dto = toDto(e, true);
            audit.created(em, ENTITY_TYPE, dto.id, summaryOf(dto));
            events.record(em, ServiceTopics.DOCUMENT_CREATED, EventProperties.of(ENTITY_TYPE, dto.id, null));
            return dto;
        });
        requests.addElement(request.id, template.kind == DocumentTemplateDTO.DocumentKind.EMAIL ? ElementKind.EMAIL : ElementKind.LETTER,
                "document:" + stored.id, stored.subject != null ? stored.subject : template.name);
        stored.deliveryError = deliveryError;
        return stored;
    }

    /**
     * Tries again the emails whose next attempt is due, {@code batchSize} at most; returns how many the
     * mail server took. Each is claimed first, in a transaction of its own, by an UPDATE guarded by its
     * state and attempt count that also pushes its next attempt a lease ahead: two nodes never send it
     * at once, and if the claiming node dies before recording the outcome another tries after the lease.
     * The outcome is then recorded (and audited): sent; failed, when refused for good or out of
     * attempts; else pending again, after twice the previous delay.
     */
    public int retryDue(int batchSize) {
        Instant now = clock.now();
        List<Long> due = tx.required(em -> em.createQuery("SELECT d.id FROM DocumentEntity d WHERE d.sendState = :pending"
                + " AND d.nextAttemptAt <= :now ORDER BY d.nextAttemptAt, d.id", Long.class)
                .setParameter("pending", DocumentDTO.SendState.PENDING.name()).setParameter("now", now).setMaxResults(batchSize).getResultList());
        int sent = 0;
        for (Long id : due) {
            MailMessage message = tx.required(em -> claim(em, id, now));
            if (message == null) {
                continue; // another node has it, or it is no longer due
            }
            String messageId = null;
            String error = null;
            boolean permanent = false;
            try {
                messageId = mail.send(message);
            } catch (MailDeliveryException e) {
                error = e.getMessage();
                permanent = e.permanent();
            } catch (ValidationException e) {
                error = e.getMessage();
                permanent = true; // the stored message itself is incomplete: retrying changes nothing
            }
            String sentId = messageId;
            String lastError = error;
            boolean refused = permanent;
            tx.required(em -> {
                DocumentEntity d = em.find(DocumentEntity.class, id);
                DocumentDTO before = toDto(d, false);
                settle(d, sentId, lastError, refused, clock.now());
                em.flush();
                audit.updated(em, ENTITY_TYPE, before.id, deliveryOf(before), deliveryOf(toDto(d, false)));
                return null;
            });
            sent += sentId == null ? 0 : 1;
        }
        return sent;
    }

    private static MailMessage claim(EntityManager em, long id, Instant now) {
        DocumentEntity d = em.find(DocumentEntity.class, id);
        if (d == null || !DocumentDTO.SendState.PENDING.name().equals(d.sendState) || d.nextAttemptAt == null || d.nextAttemptAt.isAfter(now)
                || d.sentTo == null) {
            return null;
        }
        int claimed = em.createQuery("UPDATE DocumentEntity d SET d.sendAttempts = d.sendAttempts + 1, d.nextAttemptAt = :lease"
                + " WHERE d.id = :id AND d.sendState = :pending AND d.sendAttempts = :seen AND d.nextAttemptAt <= :now")
                .setParameter("lease", now.plus(LEASE)).setParameter("id", id).setParameter("pending", DocumentDTO.SendState.PENDING.name())
                .setParameter("seen", d.sendAttempts).setParameter("now", now).executeUpdate();
        if (claimed != 1) {
            return null;
        }
        MailMessage message = new MailMessage();
        message.to = List.of(d.sentTo.split(","));
        message.subject = d.subject;
        message.html = d.html;
        return message;
    }

    /** Where an email stands after an attempt ({@code sendAttempts} already counts it). */
    private void settle(DocumentEntity d, String messageId, String error, boolean permanent, Instant now) {
        if (messageId != null) {
            d.sendState = DocumentDTO.SendState.SENT.name();
            d.messageId = messageId;
            d.lastError = null;
            d.nextAttemptAt = null;
        } else if (permanent || d.sendAttempts >= maxAttempts) {
            d.sendState = DocumentDTO.SendState.FAILED.name();
            d.lastError = truncate(error);
            d.nextAttemptAt = null;
        } else {
            d.sendState = DocumentDTO.SendState.PENDING.name();
            d.lastError = truncate(error);
            Duration wait = firstRetry.multipliedBy(1L << Math.min(20, d.sendAttempts - 1));
            d.nextAttemptAt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
    }

    private static String truncate(String error) {
        String text = error == null ? "not sent" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static Map<String, Object> deliveryOf(DocumentDTO dto) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("sendState", dto.sendState == null ? null : dto.sendState.name());
        delivery.put("sendAttempts", dto.sendAttempts);
        delivery.put("lastError", dto.lastError);
        delivery.put("messageId", dto.messageId);
        return delivery;
    }

    @Override
    public List<DocumentDTO> documents(String requestId) {
        RequestDTO request = requests.get(requestId);
        long key = Ids.of(RequestServiceImpl.ENTITY_TYPE, request.id);
        return tx.required(em -> em.createQuery("SELECT d FROM DocumentEntity d WHERE d.requestId = :id ORDER BY d.id", DocumentEntity.class)
                .setParameter("id", key).getResultList().stream().map(d -> toDto(d, false)).toList());
    }

    @Override
    public DocumentDTO get(String requestId, String documentId) {
        return toDto(find(requestId, documentId), true);
    }

    @Override
    public byte[] pdf(String requestId, String documentId) {
        byte[] pdf = find(requestId, documentId).pdf;
        return pdf == null ? new byte[0] : Arrays.copyOf(pdf, pdf.length);
    }

    private DocumentEntity find(String requestId, String documentId) {
        RequestDTO request = requests.get(requestId); // the request's scope is the document's
        long key = Ids.of(ENTITY_TYPE, documentId);
        DocumentEntity e = tx.required(em -> em.find(DocumentEntity.class, key));
        if (e == null || e.requestId != Ids.of(RequestServiceImpl.ENTITY_TYPE, request.id)) {
            throw new NotFoundException(ENTITY_TYPE, documentId);
        }
        return e;
    }

    private Map<String, Object> requestFields(RequestDTO r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", r.id);
        fields.put("number", r.number);
        fields.put("summary", r.summary);
        fields.put("description", r.description);
        fields.put("type", r.type);
        fields.put("status", r.status);
        fields.put("priority", r.priority);
        fields.put("customerReference", r.customerReference);
        fields.put("product", r.product);
        fields.put("resolution", r.resolution);
        fields.put("createdAt", r.createdAt == null ? null : r.createdAt.toString());
        return fields;
    }

    /** The agent who signs: the caller's agent, else the request's owner. */
    private Map<String, Object> agentFields(RequestDTO r) {
        Optional<AgentDTO> agent = org.findAgentByLogin(callers.currentLogin());
        if (agent.isEmpty() && r.ownerId != null) {
            agent = org.findAgent(r.ownerId);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        agent.ifPresent(a -> {
            fields.put("id", a.id);
            fields.put("displayName", a.displayName);
            fields.put("email", a.email);
            fields.put("login", a.login);
        });
        return fields;
    }

    private static DocumentDTO toDto(DocumentEntity e, boolean withHtml) {
        DocumentDTO dto = new DocumentDTO();
        dto.id = Ids.format(e.id);
        dto.requestId = Ids.format(e.requestId);
        dto.templateCode = e.templateCode;
        dto.kind = DocumentTemplateDTO.DocumentKind.valueOf(e.kind);
        dto.subject = e.subject;
        dto.html = withHtml ? e.html : null; // a list names the documents; one document carries its body
        dto.hasPdf = e.pdf != null && e.pdf.length > 0;
        dto.sentTo = e.sentTo == null ? List.of() : List.of(e.sentTo.split(","));
        dto.messageId = e.messageId;
        dto.createdAt = e.createdAt;
        dto.sendState = e.sendState == null ? null : DocumentDTO.SendState.valueOf(e.sendState);
        dto.sendAttempts = e.sendAttempts;
        dto.lastError = e.lastError;
        dto.nextAttemptAt = e.nextAttemptAt;
        return dto;
    }

    /** The audit keeps what the document was, not its whole body. */
    private static Map<String, Object> summaryOf(DocumentDTO dto) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("requestId", dto.requestId);
        summary.put("templateCode", dto.templateCode);
        summary.put("kind", dto.kind.name());
        summary.put("subject", dto.subject);
        summary.put("sentTo", String.join(",", dto.sentTo));
        summary.put("sendState", dto.sendState == null ? null : dto.sendState.name());
        return summary;
    }
}
