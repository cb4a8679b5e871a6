package org.tessera.crm.core.impl.duplicate;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.party.ContactMechanismDTO;
import org.tessera.crm.core.api.party.ContactMechanismType;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.impl.customfield.CustomValueStore;
import org.tessera.crm.core.impl.party.PartyReader;

/**
 * Reads parties as the duplicate rules see them, for a batch scan: only the columns a rule can use
 * (names, registration number, birth date, the contact mechanisms' values and addresses; custom
 * values only when a rule names one), in two plain queries per batch instead of the entity
 * graph a full read builds. A scan reads every party that shares a key with another, so this read
 * is most of its time.
 */
final class MatchFactsReader {
    private final EntityManager em;
    private final Connection connection;
    private final boolean customFields;

    MatchFactsReader(EntityManager em, List<MatchRule> rules) {
        this.em = em;
        this.connection = em.unwrap(Connection.class);
        this.customFields = rules.stream().flatMap(rule -> rule.fields().stream())
                .anyMatch(field -> field.name().startsWith(MatchField.CUSTOM));
    }

    /** The facts of the parties of {@code ids} that exist, by id. */
    Map<Long, PartyFacts> read(List<Long> ids) throws SQLException {
        Map<Long, PartyFacts> facts = new HashMap<>();
        for (int from = 0; from < ids.size(); from += MatchKeyTable.IN_LIST) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MatchKeyTable.IN_LIST));
            Map<Long, PartyDTO> parties = parties(chunk);
            mechanisms(chunk, parties);
            if (customFields) {
                Map<Long, Map<String, Object>> values = new CustomValueStore(em).load(EntityTypes.PARTY, chunk,
                        new PartyReader(em, true).definitions(), true);
                values.forEach((id, custom) -> {
                    PartyDTO party = parties.get(id);
                    if (party != null) {
                        party.customFields.putAll(custom);
                    }
                });
            }
            Map<Long, Set<String>> employers = new MatchKeyTable(connection).employers(chunk, LocalDate.now());
            parties.forEach((id, party) -> facts.put(id, new PartyFacts(party, employers.getOrDefault(id, Set.of()))));
        }
        return facts;
    }

    private Map<Long, PartyDTO> parties(List<Long> ids) throws SQLException {
        Map<Long, PartyDTO> parties = new HashMap<>();
        try (PreparedStatement s = prepare("SELECT id, party_type, display_name, first_name, last_name, legal_name, household_name,"
                + " registration_number, birth_date, org_unit_id FROM party WHERE id IN (", ids); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                PartyDTO party = new PartyDTO();
                long id = rs.getLong(1);
                party.id = String.valueOf(id);
                party.type = PartyType.valueOf(rs.getString(2));
                party.displayName = rs.getString(3);
                party.firstName = rs.getString(4);
                party.lastName = rs.getString(5);
                party.legalName = rs.getString(6);
                party.name = rs.getString(7);
                party.registrationNumber = rs.getString(8);
                Date birth = rs.getDate(9);
                party.birthDate = birth == null ? null : birth.toLocalDate();
                long unit = rs.getLong(10);
                party.orgUnitId = rs.wasNull() ? null : String.valueOf(unit);
                parties.put(id, party);
            }
        }
        return parties;
    }

    private void mechanisms(List<Long> ids, Map<Long, PartyDTO> parties) throws SQLException {
        try (PreparedStatement s = prepare("SELECT party_id, mech_type, mech_value, line1, postal_code, country FROM contact_mechanism"
                + " WHERE party_id IN (", ids); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                PartyDTO party = parties.get(rs.getLong(1));
                if (party == null) {
                    continue;
                }
                ContactMechanismDTO mechanism = new ContactMechanismDTO();
                mechanism.type = ContactMechanismType.valueOf(rs.getString(2));
                mechanism.value = rs.getString(3);
                mechanism.line1 = rs.getString(4);
                mechanism.postalCode = rs.getString(5);
                mechanism.country = rs.getString(6);
                party.contactMechanisms.add(mechanism);
            }
        }
    }

    private PreparedStatement prepare(String head, List<Long> ids) throws SQLException {
        PreparedStatement s = connection.prepareStatement(head + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")");
        for (int i = 0; i < ids.size(); i++) {
            s.setLong(i + 1, ids.get(i));
        }
        return s;
    }
}
