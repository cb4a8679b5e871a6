package org.tessera.crm.sales.impl.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.sales.api.PriceListDTO;
import org.tessera.crm.sales.api.PriceListEntryDTO;
import org.tessera.crm.sales.api.ProductDTO;
import org.tessera.crm.sales.api.ProductService;
import org.tessera.crm.sales.api.SalesEntityTypes;
import org.tessera.crm.sales.impl.entity.PriceEntryValue;
import org.tessera.crm.sales.impl.entity.PriceListEntity;
import org.tessera.crm.sales.impl.entity.ProductEntity;
import org.tessera.crm.sales.impl.jpa.SalesUnit;
import org.tessera.crm.sales.impl.rules.Money;

@Component(service = ProductService.class)
public class ProductServiceImpl implements ProductService {
    private final Tx tx;
    private final ModuleAudit audit;

    @Activate
    public ProductServiceImpl(@Reference(target = SalesUnit.TX) Tx tx, @Reference AuditRecorder recorder) {
        this.tx = tx;
        this.audit = new ModuleAudit(recorder);
    }

    @Override
    public ProductDTO createProduct(ProductDTO draft) {
        checkProduct(draft);
        return tx.required(em -> {
            checkCodeFree(em, draft.code.strip(), null);
            ProductEntity entity = new ProductEntity();
            entity.createdAt = Instant.now();
            apply(draft, entity);
            em.persist(entity);
            em.flush(); // assigns the version the ETag names
            ProductDTO created = toDto(entity);
            audit.created(em, SalesEntityTypes.PRODUCT, created.id, created);
            return created;
        });
    }

    @Override
    public ProductDTO getProduct(String id) {
        long key = Ids.of(SalesEntityTypes.PRODUCT, id);
        return tx.required(em -> toDto(findProduct(em, key, id)));
    }

    @Override
    public ProductDTO updateProduct(String id, Long expectedVersion, ProductDTO desired) {
        long key = Ids.of(SalesEntityTypes.PRODUCT, id);
        checkProduct(desired);
        return tx.required(em -> {
            ProductEntity entity = findProduct(em, key, id);
            Versions.check(SalesEntityTypes.PRODUCT, id, expectedVersion, entity.version);
            checkCodeFree(em, desired.code.strip(), entity.id);
            ProductDTO before = toDto(entity);
            apply(desired, entity);
            em.flush();
            ProductDTO after = toDto(entity);
            audit.updated(em, SalesEntityTypes.PRODUCT, id, before, after);
            return after;
        });
    }

    @Override
    public Page<ProductDTO> searchProducts(String family, Boolean active, int limit, String cursor) {
        Long after = KeysetCursor.afterId(cursor);
        return tx.required(em -> {
            List<ProductEntity> fetched = JpqlQuery.of("SELECT p FROM ProductEntity p")
                    .where("p.family = :family", "family", family)
                    .where("p.active = :active", "active", active)
                    .where("p.id > :after", "after", after)
                    .create(em, "p.id", ProductEntity.class).setMaxResults(limit + 1).getResultList();
            return Pages.byId(fetched, limit, e -> e.id, ProductServiceImpl::toDto);
        });
    }

    @Override
    public PriceListDTO createPriceList(PriceListDTO draft) {
        return tx.required(em -> {
            checkPriceList(em, draft);
            PriceListEntity entity = new PriceListEntity();
            apply(draft, entity);
            em.persist(entity);
            em.flush(); // assigns the version the ETag names
            PriceListDTO created = toDto(entity);
            audit.created(em, SalesEntityTypes.PRICE_LIST, created.id, created);
            return created;
        });
    }

    @Override
    public PriceListDTO getPriceList(String id) {
        long key = Ids.of(SalesEntityTypes.PRICE_LIST, id);
        return tx.required(em -> toDto(findPriceList(em, key, id)));
    }

    @Override
    public PriceListDTO updatePriceList(String id, Long expectedVersion, PriceListDTO desired) {
        long key = Ids.of(SalesEntityTypes.PRICE_LIST, id);
        return tx.required(em -> {
            PriceListEntity entity = findPriceList(em, key, id);
            Versions.check(SalesEntityTypes.PRICE_LIST, id, expectedVersion, entity.version);
            checkPriceList(em, desired);
            PriceListDTO before = toDto(entity);
            apply(desired, entity);
            em.flush();
            PriceListDTO after = toDto(entity);
            audit.updated(em, SalesEntityTypes.PRICE_LIST, id, before, after);
            return after;
        });
    }

    @Override
    public List<PriceListDTO> priceLists() {
        return tx.required(em -> em.createQuery("select p from PriceListEntity p order by p.id", PriceListEntity.class)
                .getResultList().stream().map(ProductServiceImpl::toDto).toList());
    }

    private static void checkProduct(ProductDTO p) {
        new FieldErrors().required("code", p.code).required("name", p.name).throwIfAny();
    }

    private static void checkCodeFree(EntityManager em, String code, Long self) {
        List<Long> holders = em.createQuery("select p.id from ProductEntity p where p.code = :code", Long.class)
                .setParameter("code", code).getResultList();
        if (holders.stream().anyMatch(id -> !id.equals(self))) {
            throw new ConflictException("code", "product code " + code + " is already used");
        }
    }

    private static void checkPriceList(EntityManager em, PriceListDTO p) {
        FieldErrors errors = new FieldErrors().required("name", p.name).required("currency", p.currency);
        if (p.currency != null && !Money.isCurrency(p.currency)) {
            errors.invalid("currency", "not an ISO 4217 currency code");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < p.entries.size(); i++) {
            PriceListEntryDTO e = p.entries.get(i);
            String path = "entries[" + i + "]";
            errors.required(path + ".productId", e.productId).required(path + ".unitPrice", e.unitPrice);
            Long productId = Ids.reference(path + ".productId", e.productId, errors);
            if (productId != null && em.find(ProductEntity.class, productId) == null) {
                errors.invalid(path + ".productId", "no such product");
            } else if (productId != null && !seen.add(productId)) {
                errors.invalid(path + ".productId", "listed twice");
            }
            if (e.unitPrice != null && e.unitPrice.signum() < 0) {
                errors.invalid(path + ".unitPrice", "must not be negative");
            }
        }
        errors.throwIfAny();
    }

    static ProductEntity findProduct(EntityManager em, long key, String id) {
        ProductEntity entity = em.find(ProductEntity.class, key);
        if (entity == null) {
            throw new NotFoundException(SalesEntityTypes.PRODUCT, id);
        }
        return entity;
    }

    static PriceListEntity findPriceList(EntityManager em, long key, String id) {
        PriceListEntity entity = em.find(PriceListEntity.class, key);
        if (entity == null) {
            throw new NotFoundException(SalesEntityTypes.PRICE_LIST, id);
        }
        return entity;
    }

    private static void apply(ProductDTO dto, ProductEntity entity) {
        entity.code = dto.code.strip();
        entity.name = dto.name.strip();
        entity.family = dto.family;
        entity.description = dto.description;
        entity.active = dto.active == null || dto.active;
        entity.updatedAt = Instant.now();
    }

    private static void apply(PriceListDTO dto, PriceListEntity entity) {
        entity.name = dto.name.strip();
        entity.currency = dto.currency;
        entity.active = dto.active == null || dto.active;
        entity.entries.clear();
        for (PriceListEntryDTO e : dto.entries) {
            PriceEntryValue v = new PriceEntryValue();
            v.productId = Long.valueOf(e.productId);
            v.unitPrice = e.unitPrice;
            entity.entries.add(v);
        }
    }

    static ProductDTO toDto(ProductEntity e) {
        ProductDTO dto = new ProductDTO();
        dto.id = e.id.toString();
        dto.code = e.code;
        dto.name = e.name;
        dto.family = e.family;
        dto.description = e.description;
        dto.active = e.active;
        dto.version = e.version;
        dto.createdAt = e.createdAt;
        dto.updatedAt = e.updatedAt;
        return dto;
    }

    static PriceListDTO toDto(PriceListEntity e) {
        PriceListDTO dto = new PriceListDTO();
        dto.id = e.id.toString();
        dto.name = e.name;
        dto.currency = e.currency;
        dto.active = e.active;
        dto.version = e.version;
        for (PriceEntryValue v : e.entries) {
            PriceListEntryDTO entry = new PriceListEntryDTO();
            entry.productId = v.productId.toString();
            entry.unitPrice = OpportunityMapper.plain(v.unitPrice);
            dto.entries.add(entry);
        }
        return dto;
    }
}
