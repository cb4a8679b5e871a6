package org.tessera.crm.banking.impl;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountQuery;
import org.tessera.crm.banking.api.AccountRoleDTO;
import org.tessera.crm.banking.api.AccountService;
import org.tessera.crm.banking.api.AccountTypes;
import org.tessera.crm.banking.api.BankingEntityTypes;
import org.tessera.crm.banking.api.BankingTopics;
import org.tessera.crm.banking.api.HoldingDTO;
import org.tessera.crm.banking.api.ImportedAccountDTO;
import org.tessera.crm.core.api.ConflictException;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.audit.AuditRecorder;
import org.tessera.crm.core.api.customfield.CustomFieldService;
import org.tessera.crm.core.api.event.DomainEventPublisher;
import org.tessera.crm.core.api.imports.ImportReport;
import org.tessera.crm.core.api.imports.ImportRow;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.ValidationService;
import org.tessera.crm.core.kit.EventProperties;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.core.kit.RowImports;
import org.tessera.crm.core.kit.KeysetCursor;
import org.tessera.crm.core.kit.Pages;
import org.tessera.crm.core.kit.Versions;
import org.tessera.crm.core.kit.jpa.JpqlQuery;
import org.tessera.crm.core.kit.jpa.ModuleAudit;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.ModuleEvents;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * Accounts and their roles in the pack's tables. An account is visible when one of its current
 * owners is in the caller's perimeter: single reads check it, lists put it in the query.
 */
@Component(service = AccountService.class)
public class AccountServiceImpl implements AccountService {
    static final Set<String> BALANCE_FIELDS = Set.of("balance", "availableBalance", "balanceAsOf", "creditLimit");
    private static final String ACCOUNT = BankingEntityTypes.ACCOUNT;

    private final Tx tx;
    private final PartyService parties;
    private final RecordScope scope;
    private final ValidationService validation;
    private final CustomFieldService customFields;
    private final CallerContext callers;
    private final ModuleEvents events;
    private final ModuleAudit audit;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AccountServiceImpl(@Reference(name = "tx", target = "(osgi.unit.name=tessera-banking)") Tx tx, @Reference PartyService parties,
            @Reference RecordScope scope, @Reference ValidationService validation, @Reference CustomFieldService customFields,
            @Reference CallerContext callers, @Reference DomainEventPublisher events, @Reference AuditRecorder auditRecorder) {
        this.tx = tx;
        this.parties = parties;
        this.scope = scope;
        this.validation = validation;
        this.customFields = customFields;
        this.callers = callers;
        this.events = new ModuleEvents(events);
        this.audit = new ModuleAudit(auditRecorder, BALANCE_FIELDS);
    }

    @Override
    public AccountDTO create(AccountDTO draft) {
        return write(null, null, draft, true);
    }

    @Override
    public AccountDTO get(String id) {
        return tx.required(em -> toDto(em, visible(em, id)));
    }

    @Override
    public AccountDTO update(String id, Long expectedVersion, AccountDTO desired) {
        return write(id, expectedVersion, desired, false);
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        tx.required(em -> {
            AccountEntity entity = visible(em, id);
            Versions.check(ACCOUNT, id, expectedVersion, entity.version);
            audit.deleted(em, ACCOUNT, id, toDto(em, entity));
            em.createQuery("DELETE FROM HoldingEntity h WHERE h.accountId = :a").setParameter("a", entity.id).executeUpdate();
            em.createQuery("DELETE FROM AccountRoleEntity r WHERE r.accountId = :a").setParameter("a", entity.id).executeUpdate();
            em.remove(entity);
            events.record(em, BankingTopics.ACCOUNT_DELETED, EventProperties.of(ACCOUNT, id, null));
            return null;
        });
    }

    @Override
    public Page<AccountDTO> search(AccountQuery query) {
        KeysetCursor.checkLimit(query.limit);
        Long party = query.partyId == null ? null : Ids.parse(query.partyId).orElse(-1L);
        ScopeFilter visible = ScopeFilter.of(scope);
        return tx.required(em -> {
            // with a party, driven by its roles (an index) rather than by every account probed for one
            JpqlQuery jpql = party == null ? JpqlQuery.of("SELECT a FROM AccountEntity a")
                    : JpqlQuery.of("SELECT DISTINCT a FROM AccountRoleEntity p, AccountEntity a").where("a.id = p.accountId")
                            .where("p.partyId = :party AND (p.thru IS NULL OR p.thru > CURRENT_DATE)", "party", party);
            if (!visible.isUnrestricted()) {
                jpql.where("EXISTS (SELECT o.id FROM AccountRoleEntity o WHERE o.accountId = a.id AND o.role IN ('PRIMARY_OWNER', 'JOINT_OWNER')"
                        + " AND (o.thru IS NULL OR o.thru > CURRENT_DATE) AND " + visible.condition("o.partyId") + ")");
            }
            jpql.where("a.type = :type", "type", query.type == null ? null : query.type.toUpperCase(java.util.Locale.ROOT));
            jpql.where("a.status = :status", "status", query.status == null ? null : query.status.name());
            jpql.where("a.number LIKE :number", "number", query.number == null ? null : query.number.replace(" ", "").toUpperCase(java.util.Locale.ROOT) + "%");
            jpql.where("a.id > :after", "after", KeysetCursor.afterId(query.cursor));
            List<AccountEntity> fetched = jpql.create(em, "a.id", AccountEntity.class).setMaxResults(query.limit + 1).getResultList();
            return Pages.byId(fetched, query.limit, a -> a.id, a -> toDto(em, a));
        });
    }

    @Override
    public List<HoldingDTO> holdings(String accountId) {
        return tx.required(em -> {
            AccountEntity account = visible(em, accountId);
            return em.createQuery("SELECT h FROM HoldingEntity h WHERE h.accountId = :a ORDER BY h.instrument", HoldingEntity.class)
                    .setParameter("a", account.id).getResultList().stream().map(AccountMapper::toDto).toList();
        });
    }

    @Override
    public HoldingDTO putHolding(String accountId, HoldingDTO holding) {
        FieldErrors errors = new FieldErrors();
        errors.required("instrument", holding.instrument).maxLength("instrument", holding.instrument, 40)
                .maxLength("instrumentName", holding.instrumentName, 200);
        if (holding.quantity == null) {
            errors.required("quantity", null);
        }
        if (holding.value == null && (holding.price == null || holding.quantity == null)) {
            errors.invalid("value", "give the value, or the price and the quantity");
        }
        errors.throwIfAny();
        return tx.required(em -> {
            AccountEntity account = visible(em, accountId);
            if (!AccountTypes.INVESTMENT.equals(account.type)) {
                throw new ValidationException(FieldError.invalid("accountId", "positions are held in investment accounts only"));
            }
            HoldingEntity entity = em.createQuery("SELECT h FROM HoldingEntity h WHERE h.accountId = :a AND h.instrument = :i", HoldingEntity.class)
                    .setParameter("a", account.id).setParameter("i", holding.instrument).getResultStream().findFirst().orElse(null);
            HoldingDTO before = entity == null ? null : AccountMapper.toDto(entity);
            if (entity == null) {
                entity = new HoldingEntity();
                entity.accountId = account.id;
                entity.instrument = holding.instrument;
                em.persist(entity);
            }
            entity.instrumentName = holding.instrumentName;
            entity.quantity = holding.quantity;
            entity.price = holding.price;
            entity.value = holding.value != null ? holding.value : holding.price.multiply(holding.quantity);
            entity.asOf = holding.asOf != null ? holding.asOf : LocalDate.now(clock);
            em.flush();
            HoldingDTO after = AccountMapper.toDto(entity);
            if (before == null) {
                audit.created(em, BankingEntityTypes.HOLDING, after.id, after);
            } else {
                audit.updated(em, BankingEntityTypes.HOLDING, after.id, before, after);
            }
            return after;
        });
    }

    @Override
    public ImportReport importAccounts(Iterator<ImportRow<ImportedAccountDTO>> rows) {
        return RowImports.run(rows, this::importOne);
    }

    /** One row in its own transaction: matched by number, then created, updated or found unchanged. */
    private void importOne(ImportedAccountDTO row, ImportReport report) {
        AccountRules.normalize(row, LocalDate.now(clock));
        FieldErrors errors = new FieldErrors();
        List<AccountRoleDTO> roles = new ArrayList<>(row.roles);
        for (int i = 0; i < row.importedRoles.size(); i++) {
            ImportedAccountDTO.ImportedRoleDTO imported = row.importedRoles.get(i);
            if (imported != null && imported.partyId == null && imported.partyExternalId != null) {
                imported.partyId = PartyExternalIds.resolve(tx, scope, imported.partyExternalId).orElse(null);
                if (imported.partyId == null) {
                    errors.invalid("importedRoles[" + i + "].partyExternalId", "no party with this external id");
                }
            }
            roles.add(imported);
        }
        errors.throwIfAny();
        row.roles = roles;
        AccountRules.normalize(row, LocalDate.now(clock));
        Optional<Long> existing = row.number == null ? Optional.empty() : tx.required(em -> em
                .createQuery("SELECT a.id FROM AccountEntity a WHERE a.number = :n", Long.class).setParameter("n", row.number)
                .getResultStream().findFirst());
        AccountDTO candidate = plain(row);
        if (existing.isEmpty()) {
            write(null, null, candidate, true);
            report.created++;
            return;
        }
        String id = Ids.format(existing.get());
        AccountDTO current = get(id);
        if (sameContent(current, candidate)) {
            report.unchanged++;
            return;
        }
        write(id, null, candidate, true);
        report.updated++;
    }


    /** Validates, then creates ({@code id == null}) or replaces an account and its role set, in one transaction. */
    private AccountDTO write(String id, Long expectedVersion, AccountDTO desired, boolean balancesWritable) {
        AccountRules.normalize(desired, LocalDate.now(clock));
        FieldErrors errors = new FieldErrors();
        AccountRules.check(desired, LocalDate.now(clock), errors);
        if (desired.type != null && !customFields.isActiveValue(BankingEntityTypes.ACCOUNT_TYPE_PICKLIST, desired.type)) {
            errors.invalid("type", "not a value of the " + BankingEntityTypes.ACCOUNT_TYPE_PICKLIST + " picklist");
        }
        if (desired.branchId != null && Ids.parse(desired.branchId).isEmpty()) {
            errors.invalid("branchId", "not an org unit id");
        }
        for (int i = 0; i < desired.roles.size(); i++) {
            AccountRoleDTO role = desired.roles.get(i);
            if (role != null && role.partyId != null && !partyVisible(role.partyId)) {
                errors.invalid("roles[" + i + "].partyId", "no such party");
            }
        }
        errors.throwIfAny();
        desired.customFields = customFields.normalize(ACCOUNT, desired.customFields, false);
        boolean seesBalances = callers.permits(BankingPermissions.BALANCE_READ);
        return tx.required(em -> {
            AccountEntity entity;
            AccountDTO before = null;
            if (id == null) {
                entity = new AccountEntity();
                entity.createdAt = clock.instant();
            } else {
                entity = visible(em, id);
                Versions.check(ACCOUNT, id, expectedVersion, entity.version);
                before = toDto(em, entity, true);
                if (!balancesWritable && seesBalances && !entity.heldAway && !desired.heldAway && balancesChanged(before, desired)) {
                    throw new ValidationException(readOnlyBalances(before, desired));
                }
            }
            validation.validate(ACCOUNT, desired, before);
            requireUniqueNumber(em, desired.number, entity.id);
            AccountMapper.copyWritable(desired, entity);
            // a caller who cannot see balances cannot write them either: the stored ones stay
            if (seesBalances && (id == null || balancesWritable || entity.heldAway)) {
                AccountMapper.copyBalances(desired, entity);
            }
            entity.updatedAt = clock.instant();
            if (id == null) {
                em.persist(entity);
            } else {
                em.createQuery("DELETE FROM AccountRoleEntity r WHERE r.accountId = :a").setParameter("a", entity.id).executeUpdate();
            }
            em.flush();
            for (AccountRoleDTO role : desired.roles) {
                em.persist(AccountMapper.toEntity(entity.id, role));
            }
            em.flush();
            AccountDTO after = toDto(em, entity, true);
            if (before == null) {
                audit.created(em, ACCOUNT, after.id, after);
                events.record(em, BankingTopics.ACCOUNT_CREATED, EventProperties.of(ACCOUNT, after.id, after.version));
            } else {
                audit.updated(em, ACCOUNT, after.id, before, after);
                events.record(em, BankingTopics.ACCOUNT_UPDATED, EventProperties.updated(ACCOUNT, after.id, after.version, before, after,
                        "updatedAt"));
            }
            return seesBalances ? after : toDto(em, entity);
        });
    }

    private static boolean balancesChanged(AccountDTO stored, AccountDTO desired) {
        return !readOnlyBalances(stored, desired).isEmpty();
    }

    private static List<FieldError> readOnlyBalances(AccountDTO stored, AccountDTO desired) {
        List<FieldError> errors = new ArrayList<>();
        compare(errors, "balance", stored.balance, desired.balance);
        compare(errors, "availableBalance", stored.availableBalance, desired.availableBalance);
        if (!Objects.equals(stored.balanceAsOf, desired.balanceAsOf)) {
            errors.add(readOnly("balanceAsOf"));
        }
        compare(errors, "creditLimit", stored.creditLimit, desired.creditLimit);
        return errors;
    }

    private static void compare(List<FieldError> errors, String field, BigDecimal stored, BigDecimal desired) {
        boolean same = stored == null ? desired == null : desired != null && stored.compareTo(desired) == 0;
        if (!same) {
            errors.add(readOnly(field));
        }
    }

    private static FieldError readOnly(String field) {
        return new FieldError(field, "read_only", "comes from the core banking system (the account import) for an account held here");
    }

    private boolean partyVisible(String partyId) {
        return Ids.parse(partyId).isPresent() && scope.canAccessParty(partyId) && parties.find(partyId).isPresent();
    }

    /** The account, if it exists and one of its current owners is within the caller's scope. */
    AccountEntity visible(EntityManager em, String id) {
        Long key = Ids.parse(id).orElse(null);
        AccountEntity entity = key == null ? null : em.find(AccountEntity.class, key);
        if (entity == null || !scope.unrestricted() && roles(em, entity.id).stream()
                .noneMatch(r -> (r.role.equals("PRIMARY_OWNER") || r.role.equals("JOINT_OWNER")) && scope.canAccessParty(Ids.format(r.partyId)))) {
            throw new NotFoundException(ACCOUNT, id);
        }
        return entity;
    }

    private AccountDTO toDto(EntityManager em, AccountEntity entity) {
        return toDto(em, entity, callers.permits(BankingPermissions.BALANCE_READ));
    }

    private static AccountDTO toDto(EntityManager em, AccountEntity entity, boolean withBalances) {
        return AccountMapper.toDto(entity, roles(em, entity.id), withBalances);
    }

    static List<AccountRoleEntity> roles(EntityManager em, long accountId) {
        return em.createQuery("SELECT r FROM AccountRoleEntity r WHERE r.accountId = :a ORDER BY r.from, r.id", AccountRoleEntity.class)
                .setParameter("a", accountId).getResultList();
    }

    private static void requireUniqueNumber(EntityManager em, String number, Long exceptId) {
        List<Long> holders = em.createQuery("SELECT a.id FROM AccountEntity a WHERE a.number = :n", Long.class)
                .setParameter("n", number).getResultList();
        if (holders.stream().anyMatch(holder -> !holder.equals(exceptId))) {
            throw new ConflictException("number", "an account numbered " + number + " exists");
        }
    }

    /** The account fields of an import row, without the import-only members. */
    private static AccountDTO plain(ImportedAccountDTO row) {
        AccountDTO dto = new AccountDTO();
        dto.number = row.number;
        dto.type = row.type;
        dto.product = row.product;
        dto.status = row.status;
        dto.openedOn = row.openedOn;
        dto.closedOn = row.closedOn;
        dto.currency = row.currency;
        dto.balance = row.balance;
        dto.availableBalance = row.availableBalance;
        dto.balanceAsOf = row.balanceAsOf;
        dto.creditLimit = row.creditLimit;
        dto.interestRate = row.interestRate;
        dto.branchId = row.branchId;
        dto.heldAway = row.heldAway;
        for (AccountRoleDTO role : row.roles) {
            AccountRoleDTO copy = new AccountRoleDTO();
            copy.partyId = role.partyId;
            copy.role = role.role;
            copy.sharePercent = role.sharePercent;
            copy.from = role.from;
            copy.thru = role.thru;
            dto.roles.add(copy);
        }
        dto.customFields = row.customFields;
        return dto;
    }

    /** Whether an import row would change nothing of the stored account (no version bump, no audit record). */
    static boolean sameContent(AccountDTO stored, AccountDTO row) {
        return Objects.equals(stored.number, row.number) && Objects.equals(stored.type, row.type) && Objects.equals(stored.product, row.product)
                && stored.status == row.status && Objects.equals(stored.openedOn, row.openedOn) && Objects.equals(stored.closedOn, row.closedOn)
                && Objects.equals(stored.currency, row.currency) && sameAmount(stored.balance, row.balance)
                && sameAmount(stored.availableBalance, row.availableBalance) && Objects.equals(stored.balanceAsOf, row.balanceAsOf)
                && sameAmount(stored.creditLimit, row.creditLimit) && sameAmount(stored.interestRate, row.interestRate)
                && Objects.equals(stored.branchId, row.branchId) && stored.heldAway == row.heldAway
                && sameRoles(stored.roles, row.roles) && Objects.equals(stored.customFields, row.customFields == null ? Map.of() : row.customFields);
    }

    private static boolean sameRoles(List<AccountRoleDTO> a, List<AccountRoleDTO> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<String> left = a.stream().map(AccountServiceImpl::roleKey).sorted().toList();
        List<String> right = b.stream().map(AccountServiceImpl::roleKey).sorted().toList();
        return left.equals(right);
    }

    private static String roleKey(AccountRoleDTO r) {
        return r.partyId + "|" + r.role + "|" + (r.sharePercent == null ? "" : r.sharePercent.stripTrailingZeros().toPlainString()) + "|" + r.from + "|" + r.thru;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
