package org.tessera.crm.examples.dealer.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.examples.dealer.api.VehicleService;

/**
 * Vehicles in the global search, by VIN, registration plate, make or model (prefixes of their
 * words, case and accents ignored), newest first, of owners in the caller's scope: the scope is a
 * condition of the query, so a restricted agent's hits are never cut short by other regions' rows.
 */
@Component
public class VehicleSearchContributor implements SearchContributor {
    private static final int BATCH = 100;
    private static final int MAX_CANDIDATES = 2000;
    private static final String SELECT = "SELECT v.id, v.vin, v.registration, v.make, v.model, v.model_year FROM dealer_vehicle v";

    private final JpaTemplate jpa;
    private final RecordScope scope;

    @Activate
    public VehicleSearchContributor(@Reference(name = "jpa", target = "(osgi.unit.name=tessera-dealer)") JpaTemplate jpa,
            @Reference(name = "schema", target = DealerSchema.TARGET) DealerSchema schema, @Reference RecordScope scope) {
        this.jpa = jpa;
        this.scope = scope;
    }

    @Override
    public String module() {
        return VehicleService.MODULE;
    }

    @Override
    public String type() {
        return "vehicle";
    }

    @Override
    public String title() {
        return "Vehicles";
    }

    @Override
    public String requiredPermission() {
        return DealerPermissions.VEHICLE_READ;
    }

    @Override
    public List<SearchHitDTO> search(SearchQuery query) {
        SearchKeys.Condition text = SearchKeys.candidates(query.tokens(), "v.vin", "v.registration", "v.make", "v.model");
        Optional<Set<String>> units = scope.visibleOrgUnitIds();
        List<Object[]> rows = jpa.txExpr(TransactionType.Required, em -> SearchKeys.firstMatches(query.limit(), BATCH, MAX_CANDIDATES,
                (Object[] last) -> batch(em, text, units, last == null ? null : id(last)),
                row -> SearchKeys.matches(query.tokens(), text(row[1]), text(row[2]), text(row[3]), text(row[4]))));
        return rows.stream().map(VehicleSearchContributor::hit).toList();
    }

    /** Candidates with an id below {@code beforeId}, newest first, owned by parties of the visible org units. */
    private static List<Object[]> batch(EntityManager em, SearchKeys.Condition text, Optional<Set<String>> units, Long beforeId) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE ").append(text.sql());
        List<Object> parameters = new ArrayList<>(text.parameters());
        if (units.isPresent()) {
            List<Long> ids = units.get().stream().map(VehicleSearchContributor::parseId).filter(id -> id != null).toList();
            if (ids.isEmpty()) {
                return List.of(); // a caller without a perimeter sees no vehicle
            }
            // the owner's org unit, read from the core's party table in the same database
            sql.append(" AND v.owner_party_id IN (SELECT p.id FROM party p WHERE p.org_unit_id IN (")
                    .append(String.join(", ", Collections.nCopies(ids.size(), "?"))).append("))");
            parameters.addAll(ids);
        }
        if (beforeId != null) {
            sql.append(" AND v.id < ?");
            parameters.add(beforeId);
        }
        Query query = em.createNativeQuery(sql.append(" ORDER BY v.id DESC").toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(BATCH).getResultList();
        return rows;
    }

    private static SearchHitDTO hit(Object[] row) {
        String id = String.valueOf(id(row));
        String title = row[3] + " " + row[4] + (row[5] == null ? "" : " (" + row[5] + ")");
        String subtitle = row[1] + (row[2] == null ? "" : " · " + row[2]);
        return new SearchHitDTO(id, "vehicle", title, subtitle, "/dealer/vehicles/" + id);
    }

    private static long id(Object[] row) {
        return ((Number) row[0]).longValue();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Long parseId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
