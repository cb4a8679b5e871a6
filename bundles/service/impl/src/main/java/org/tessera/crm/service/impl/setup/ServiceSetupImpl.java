package org.tessera.crm.service.impl.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.core.kit.rest.ObjectMappers;
import org.tessera.crm.core.kit.template.MergeTemplate;
import org.tessera.crm.service.api.AssignmentRuleDTO;
import org.tessera.crm.service.api.DocumentTemplateDTO;
import org.tessera.crm.service.api.QueueDTO;
import org.tessera.crm.service.api.RequestTemplateDTO;
import org.tessera.crm.service.api.RequestTypeDTO;
import org.tessera.crm.service.api.ServiceSetup;
import org.tessera.crm.service.api.StatusCategory;
import org.tessera.crm.service.api.StatusDTO;
import org.tessera.crm.service.impl.ServiceUnit;
import org.tessera.crm.service.impl.entity.QueueEntity;
import org.tessera.crm.service.impl.entity.RequestTypeEntity;
import org.tessera.crm.service.impl.entity.SettingEntity;
import org.tessera.crm.service.impl.entity.StatusEntity;

/** The module's configuration on its own tables; JSON documents for what is read whole. */
@Component(service = {ServiceSetup.class, ServiceSetupImpl.class})
public class ServiceSetupImpl implements ServiceSetup {
    static final String RULES = "rules";
    static final String TEMPLATE = "template";
    static final String DOCUMENT_TEMPLATE = "document-template";
    /** The roots of a document template's merge fields. */
    public static final Set<String> MERGE_ROOTS = Set.of("party", "request", "agent");

    private final Tx tx;
    private final OrgService org;
    private final ObjectMapper json = ObjectMappers.create();

    @Activate
    public ServiceSetupImpl(@Reference(name = "tx", target = ServiceUnit.TX) Tx tx, @Reference OrgService org) {
        this.tx = tx;
        this.org = org;
    }

    @Override
    public List<StatusDTO> statuses() {
        return tx.required(em -> em.createQuery("SELECT s FROM StatusEntity s ORDER BY s.position, s.code", StatusEntity.class)
                .getResultList().stream().map(ServiceSetupImpl::statusDto).toList());
    }

    public Optional<StatusDTO> status(EntityManager em, String code) {
        return Optional.ofNullable(code == null ? null : em.find(StatusEntity.class, code)).map(ServiceSetupImpl::statusDto);
    }

    @Override
    public StatusDTO putStatus(StatusDTO status) {
        new FieldErrors().required("code", status.code).maxLength("code", status.code, 40).required("name", status.name)
                .maxLength("name", status.name, 120).required("category", status.category).throwIfAny();
        return tx.required(em -> {
            StatusEntity entity = em.find(StatusEntity.class, status.code);
            if (entity == null) {
                entity = new StatusEntity();
                entity.code = status.code;
                em.persist(entity);
            }
            entity.name = status.name;
            entity.category = status.category.name();
            entity.pausesSla = status.pausesSla;
            entity.position = status.position;
            em.flush();
            return statusDto(entity);
        });
    }

    @Override
    public List<RequestTypeDTO> types() {
        return tx.required(em -> em.createQuery("SELECT t FROM RequestTypeEntity t ORDER BY t.code", RequestTypeEntity.class)
                .getResultList().stream().map(ServiceSetupImpl::typeDto).toList());
    }

    @Override
    public RequestTypeDTO putType(RequestTypeDTO type) {
        FieldErrors errors = new FieldErrors().required("code", type.code).maxLength("code", type.code, 40).required("name", type.name)
                .maxLength("name", type.name, 120).maxLength("prefix", type.prefix, 20);
        if (type.width < 1 || type.width > 20) {
            errors.invalid("width", "must be between 1 and 20");
        }
        errors.throwIfAny();
        return tx.required(em -> {
            RequestTypeEntity entity = em.find(RequestTypeEntity.class, type.code);
            if (entity == null) {
                entity = new RequestTypeEntity();
                entity.code = type.code;
                entity.nextNumber = type.nextNumber > 0 ? type.nextNumber : 1;
                em.persist(entity);
            }
            entity.name = type.name;
            entity.prefix = type.prefix == null ? "" : type.prefix;
            entity.width = type.width;
            em.flush();
            return typeDto(entity);
        });
    }

    @Override
    public List<QueueDTO> queues() {
        return tx.required(em -> em.createQuery("SELECT q FROM QueueEntity q ORDER BY q.code", QueueEntity.class)
                .getResultList().stream().map(ServiceSetupImpl::queueDto).toList());
    }

    @Override
    public QueueDTO putQueue(QueueDTO queue) {
        FieldErrors errors = new FieldErrors().required("code", queue.code).maxLength("code", queue.code, 40).required("name", queue.name)
                .maxLength("name", queue.name, 120).required("distribution", queue.distribution);
        List<Long> members = new ArrayList<>();
        for (int i = 0; queue.members != null && i < queue.members.size(); i++) {
            Long agent = Ids.reference("members[" + i + "]", queue.members.get(i), errors);
            if (agent != null && org.findAgent(queue.members.get(i)).isEmpty()) {
                errors.invalid("members[" + i + "]", "no such agent");
            } else if (agent != null) {
                members.add(agent);
            }
        }
        errors.throwIfAny();
        return tx.required(em -> {
            QueueEntity entity = queueByCode(em, queue.code).orElse(null);
            if (entity == null) {
                entity = new QueueEntity();
                entity.code = queue.code;
                em.persist(entity);
            }
            entity.name = queue.name;
            entity.distribution = queue.distribution.name();
            entity.members.clear();
            entity.members.addAll(members);
            em.flush();
            return queueDto(entity);
        });
    }

    public static Optional<QueueEntity> queueByCode(EntityManager em, String code) {
        return em.createQuery("SELECT q FROM QueueEntity q WHERE q.code = :code", QueueEntity.class).setParameter("code", code)
                .getResultList().stream().findFirst();
    }

    @Override
    public List<AssignmentRuleDTO> assignmentRules() {
        return tx.required(this::assignmentRules);
    }

    public List<AssignmentRuleDTO> assignmentRules(EntityManager em) {
        SettingEntity entity = em.find(SettingEntity.class, RULES + ":all");
        return entity == null ? List.of() : read(entity.body, new TypeReference<List<AssignmentRuleDTO>>() { });
    }

    @Override
    public List<AssignmentRuleDTO> putAssignmentRules(List<AssignmentRuleDTO> rules) {
        FieldErrors errors = new FieldErrors();
        return tx.required(em -> {
            for (int i = 0; i < rules.size(); i++) {
                AssignmentRuleDTO rule = rules.get(i);
                String at = "[" + i + "].";
                if (rule == null) {
                    errors.required("[" + i + "]", null);
                    continue;
                }
                if (rule.conditions == null) {
                    rule.conditions = new LinkedHashMap<>();
                }
                errors.maxLength(at + "name", rule.name, 200);
                rule.conditions.forEach((field, value) -> {
                    if (field == null || field.isBlank() || value == null) {
                        errors.invalid(at + "conditions", "each condition is a field name and the value it must have");
                    }
                });
                if ((rule.queueCode == null) == (rule.agentId == null)) {
                    errors.invalid(at + "queueCode", "a rule routes into a queue or to an agent, one of them");
                } else if (rule.queueCode != null && queueByCode(em, rule.queueCode).isEmpty()) {
                    errors.invalid(at + "queueCode", "no such queue");
                } else if (rule.agentId != null && org.findAgent(rule.agentId).isEmpty()) {
                    errors.invalid(at + "agentId", "no such agent");
                }
            }
            errors.throwIfAny();
            put(em, RULES, "all", rules);
            return rules;
        });
    }

    @Override
    public List<RequestTemplateDTO> templates() {
        return tx.required(em -> all(em, TEMPLATE, RequestTemplateDTO.class));
    }

    public Optional<RequestTemplateDTO> template(EntityManager em, String code) {
        return one(em, TEMPLATE, code, RequestTemplateDTO.class);
    }

    @Override
    public RequestTemplateDTO putTemplate(RequestTemplateDTO template) {
        FieldErrors errors = new FieldErrors().required("code", template.code).maxLength("code", template.code, 40)
                .required("name", template.name);
        for (int i = 0; template.agents != null && i < template.agents.size(); i++) {
            if (Ids.reference("agents[" + i + "]", template.agents.get(i), errors) != null && org.findAgent(template.agents.get(i)).isEmpty()) {
                errors.invalid("agents[" + i + "]", "no such agent");
            }
        }
        for (int i = 0; template.participants != null && i < template.participants.size(); i++) {
            Ids.reference("participants[" + i + "]", template.participants.get(i), errors);
        }
        errors.throwIfAny();
        return tx.required(em -> {
            put(em, TEMPLATE, template.code, template);
            return template(em, template.code).orElseThrow();
        });
    }

    @Override
    public List<DocumentTemplateDTO> documentTemplates() {
        return tx.required(em -> all(em, DOCUMENT_TEMPLATE, DocumentTemplateDTO.class));
    }

    public Optional<DocumentTemplateDTO> documentTemplate(EntityManager em, String code) {
        return one(em, DOCUMENT_TEMPLATE, code, DocumentTemplateDTO.class);
    }

    @Override
    public DocumentTemplateDTO putDocumentTemplate(DocumentTemplateDTO template) {
        new FieldErrors().required("code", template.code).maxLength("code", template.code, 40).required("name", template.name)
                .required("kind", template.kind).required("body", template.body).maxLength("subject", template.subject, 300).throwIfAny();
        // refuses unbalanced braces and merge fields outside party, request and agent, naming the field
        MergeTemplate.parse("body", template.body).requireKnown(MERGE_ROOTS, null);
        if (template.subject != null) {
            MergeTemplate.parse("subject", template.subject).requireKnown(MERGE_ROOTS, null);
        }
        return tx.required(em -> {
            put(em, DOCUMENT_TEMPLATE, template.code, template);
            return documentTemplate(em, template.code).orElseThrow();
        });
    }

    private void put(EntityManager em, String kind, String code, Object value) {
        String key = kind + ":" + code;
        SettingEntity entity = em.find(SettingEntity.class, key);
        if (entity == null) {
            entity = new SettingEntity();
            entity.key = key;
            entity.kind = kind;
            entity.body = write(value);
            em.persist(entity);
        } else {
            entity.body = write(value);
        }
        em.flush();
    }

    private <T> List<T> all(EntityManager em, String kind, Class<T> type) {
        return em.createQuery("SELECT s FROM SettingEntity s WHERE s.kind = :kind ORDER BY s.key", SettingEntity.class)
                .setParameter("kind", kind).getResultList().stream().map(s -> withVersion(read(s.body, type), s.version)).toList();
    }

    private <T> Optional<T> one(EntityManager em, String kind, String code, Class<T> type) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SettingEntity.class, kind + ":" + code)).map(s -> withVersion(read(s.body, type), s.version));
    }

    private static <T> T withVersion(T value, long version) {
        if (value instanceof RequestTemplateDTO t) {
            t.version = version;
        } else if (value instanceof DocumentTemplateDTO t) {
            t.version = version;
        }
        return value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, TypeReference<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static StatusDTO statusDto(StatusEntity entity) {
        StatusDTO dto = new StatusDTO();
        dto.code = entity.code;
        dto.name = entity.name;
        dto.category = StatusCategory.valueOf(entity.category);
        dto.pausesSla = entity.pausesSla;
        dto.position = entity.position;
        return dto;
    }

    static RequestTypeDTO typeDto(RequestTypeEntity entity) {
        RequestTypeDTO dto = new RequestTypeDTO();
        dto.code = entity.code;
        dto.name = entity.name;
        dto.prefix = entity.prefix;
        dto.width = entity.width;
        dto.nextNumber = entity.nextNumber;
        dto.version = entity.version;
        return dto;
    }

    public static QueueDTO queueDto(QueueEntity entity) {
        QueueDTO dto = new QueueDTO();
        dto.id = Ids.format(entity.id);
        dto.code = entity.code;
        dto.name = entity.name;
        dto.distribution = QueueDTO.Distribution.valueOf(entity.distribution);
        dto.members = entity.members.stream().map(Ids::format).toList();
        dto.version = entity.version;
        return dto;
    }
}
