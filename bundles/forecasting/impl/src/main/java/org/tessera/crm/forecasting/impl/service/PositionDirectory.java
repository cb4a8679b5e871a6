package org.tessera.crm.forecasting.impl.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.security.CorePermissions;
import org.tessera.crm.core.kit.Ids;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.impl.entity.PositionEntity;
import org.tessera.crm.forecasting.impl.rules.Hierarchy;

/**
 * Reads the forecast hierarchy (the configured kind: explicit position tree or org units) and
 * the caller's place in it. Positions are few (one per agent who forecasts): they are read whole.
 */
@Component(service = PositionDirectory.class, configurationPid = ForecastingConfig.PID)
@Designate(ocd = ForecastingConfig.class)
public class PositionDirectory {
    private final OrgService org;
    private final CallerContext callers;
    private volatile ForecastingConfig config;

    @Activate
    public PositionDirectory(@Reference OrgService org, @Reference CallerContext callers, ForecastingConfig config) {
        this.org = org;
        this.callers = callers;
        this.config = config;
    }

    /** A new hierarchy mode or fiscal start applies to the next request, without a restart. */
    @Modified
    void modified(ForecastingConfig changed) {
        this.config = changed;
    }

    public ForecastingConfig config() {
        return config;
    }

    public Hierarchy.Mode mode() {
        return "ORG_UNITS".equalsIgnoreCase(config.hierarchy()) ? Hierarchy.Mode.ORG_UNITS : Hierarchy.Mode.POSITIONS;
    }

    /** The hierarchy and the caller's place in it, read in {@code em}'s transaction. */
    public HierarchyView view(EntityManager em) {
        Hierarchy.Mode mode = mode();
        List<PositionEntity> all = em.createQuery("SELECT p FROM PositionEntity p ORDER BY p.id", PositionEntity.class).getResultList();
        Map<String, String> unitParents = new HashMap<>();
        if (mode == Hierarchy.Mode.ORG_UNITS) {
            for (OrgUnitDTO unit : org.orgUnits()) {
                unitParents.put(unit.id, unit.parentId);
            }
        }
        Hierarchy hierarchy = new Hierarchy(mode, all.stream().map(p -> new Hierarchy.Node(Ids.format(p.id), Ids.format(p.agentId),
                Ids.format(p.orgUnitId), Ids.format(p.parentId), p.unitManager)).toList(), unitParents);
        Map<String, PositionDTO> positions = new LinkedHashMap<>();
        for (PositionEntity p : all) {
            PositionDTO dto = PositionMapper.toDto(p);
            dto.managerPositionId = hierarchy.managerOf(dto.id).orElse(null);
            dto.level = hierarchy.depth(dto.id);
            positions.put(dto.id, dto);
        }
        Caller caller = callers.current().orElse(null);
        String login = callers.currentLogin();
        boolean unrestricted = caller != null && (caller.isSystem() || caller.hasPermission(CorePermissions.ALL_RECORDS));
        String own = null;
        if (caller != null && !caller.isSystem()) {
            String agent = org.findAgentByLogin(caller.login()).map(a -> a.id).orElse(null);
            own = agent == null ? null : positions.values().stream().filter(p -> agent.equals(p.agentId)).map(p -> p.id).findFirst().orElse(null);
        }
        return new HierarchyView(hierarchy, positions, own, unrestricted, login);
    }
}
