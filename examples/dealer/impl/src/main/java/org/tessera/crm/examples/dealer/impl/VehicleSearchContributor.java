package org.tessera.crm.examples.dealer.impl;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.core.kit.jpa.ScopeFilter;
import org.tessera.crm.core.kit.jpa.SearchCandidates;
import org.tessera.crm.core.kit.jpa.Tx;
import org.tessera.crm.examples.dealer.api.VehicleService;

/**
 * Vehicles in the global search, by VIN, registration plate, make or model (prefixes of their
 * words, case and accents ignored), newest first, of owners in the caller's scope: the scope is a
 * condition of the query, so a restricted agent's hits are never cut short by other regions' rows.
 */
@Component
public class VehicleSearchContributor implements SearchContributor {
    private static final String SELECT = "SELECT v.id, v.vin, v.registration, v.make, v.model, v.model_year FROM dealer_vehicle v";

    private final Tx tx;
    private final RecordScope scope;

    @Activate
    public VehicleSearchContributor(@Reference(name = "tx", target = "(osgi.unit.name=tessera-dealer)") Tx tx,
            @Reference RecordScope scope) {
        this.tx = tx;
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
        // the scope is the owner's org unit, read from the core's party table in the same database
        String visible = ScopeFilter.of(scope).sqlCondition("v.owner_party_id");
        List<Object[]> rows = tx.required(em -> SearchCandidates.firstMatches(em, SELECT, "v.id", text, visible, query.limit(),
                row -> SearchKeys.matches(query.tokens(), SearchCandidates.text(row[1]), SearchCandidates.text(row[2]), SearchCandidates.text(row[3]),
                        SearchCandidates.text(row[4]))));
        return rows.stream().map(VehicleSearchContributor::hit).toList();
    }

    private static SearchHitDTO hit(Object[] row) {
        String id = String.valueOf(SearchCandidates.id(row));
        String title = row[3] + " " + row[4] + (row[5] == null ? "" : " (" + row[5] + ")");
        String subtitle = row[1] + (row[2] == null ? "" : " · " + row[2]);
        return new SearchHitDTO(id, "vehicle", title, subtitle, "/dealer/vehicles/" + id);
    }
}
