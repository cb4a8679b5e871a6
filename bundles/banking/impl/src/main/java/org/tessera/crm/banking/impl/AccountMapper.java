package org.tessera.crm.banking.impl;

import java.util.List;

import org.tessera.crm.banking.api.AccountDTO;
import org.tessera.crm.banking.api.AccountRole;
import org.tessera.crm.banking.api.AccountRoleDTO;
import org.tessera.crm.banking.api.AccountStatus;
import org.tessera.crm.banking.api.HoldingDTO;
import org.tessera.crm.core.kit.CustomValuesJson;
import org.tessera.crm.core.kit.Ids;

/** Entity ↔ value type; entities never leave this bundle. */
final class AccountMapper {
    private AccountMapper() {
    }

    static AccountDTO toDto(AccountEntity entity, List<AccountRoleEntity> roles, boolean withBalances) {
        AccountDTO dto = new AccountDTO();
        dto.id = Ids.format(entity.id);
        dto.number = entity.number;
        dto.type = entity.type;
        dto.product = entity.product;
        dto.status = AccountStatus.valueOf(entity.status);
        dto.openedOn = entity.openedOn;
        dto.closedOn = entity.closedOn;
        dto.currency = entity.currency;
        if (withBalances) {
            dto.balance = entity.balance;
            dto.availableBalance = entity.availableBalance;
            dto.balanceAsOf = entity.balanceAsOf;
            dto.creditLimit = entity.creditLimit;
        }
        dto.interestRate = entity.interestRate;
        dto.branchId = Ids.format(entity.branchId);
        dto.heldAway = entity.heldAway;
        roles.stream().map(AccountMapper::toDto).forEach(dto.roles::add);
        dto.customFields = CustomValuesJson.decode(entity.customValues);
        dto.version = entity.version;
        dto.createdAt = entity.createdAt;
        dto.updatedAt = entity.updatedAt;
        return dto;
    }

    static AccountRoleDTO toDto(AccountRoleEntity entity) {
        AccountRoleDTO dto = new AccountRoleDTO();
        dto.id = Ids.format(entity.id);
        dto.partyId = Ids.format(entity.partyId);
        dto.role = AccountRole.valueOf(entity.role);
        dto.sharePercent = entity.sharePercent;
        dto.from = entity.from;
        dto.thru = entity.thru;
        return dto;
    }

    /** Copies the client-writable fields but the balances (see {@link #copyBalances}). */
    static void copyWritable(AccountDTO from, AccountEntity to) {
        to.number = from.number;
        to.type = from.type;
        to.product = from.product;
        to.status = from.status.name();
        to.openedOn = from.openedOn;
        to.closedOn = from.closedOn;
        to.currency = from.currency;
        to.interestRate = from.interestRate;
        to.branchId = from.branchId == null ? null : Long.valueOf(from.branchId);
        to.heldAway = from.heldAway;
        to.customValues.clear();
        to.customValues.putAll(CustomValuesJson.encode(from.customFields));
    }

    static void copyBalances(AccountDTO from, AccountEntity to) {
        to.balance = from.balance;
        to.availableBalance = from.availableBalance;
        to.balanceAsOf = from.balanceAsOf;
        to.creditLimit = from.creditLimit;
    }

    static AccountRoleEntity toEntity(long accountId, AccountRoleDTO dto) {
        AccountRoleEntity entity = new AccountRoleEntity();
        entity.accountId = accountId;
        entity.partyId = Long.parseLong(dto.partyId);
        entity.role = dto.role.name();
        entity.sharePercent = dto.sharePercent;
        entity.from = dto.from;
        entity.thru = dto.thru;
        return entity;
    }

    static HoldingDTO toDto(HoldingEntity entity) {
        HoldingDTO dto = new HoldingDTO();
        dto.id = Ids.format(entity.id);
        dto.accountId = Ids.format(entity.accountId);
        dto.instrument = entity.instrument;
        dto.instrumentName = entity.instrumentName;
        dto.quantity = entity.quantity;
        dto.price = entity.price;
        dto.value = entity.value;
        dto.asOf = entity.asOf;
        dto.version = entity.version;
        return dto;
    }
}
