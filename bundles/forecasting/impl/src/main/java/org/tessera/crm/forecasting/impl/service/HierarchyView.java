package org.tessera.crm.forecasting.impl.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tessera.crm.core.api.ForbiddenException;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.forecasting.api.ForecastingEntityTypes;
import org.tessera.crm.forecasting.api.PositionDTO;
import org.tessera.crm.forecasting.impl.rules.Hierarchy;

/**
 * The hierarchy as one caller sees it, read once per request: every position, the caller's own
 * (if any), and whether the caller sees everything. A caller sees their own position and those
 * below it; a position outside answers as if it did not exist.
 */
public record HierarchyView(Hierarchy hierarchy, Map<String, PositionDTO> positions, String callerPosition,
        boolean unrestricted, String login) {

    public boolean visible(String positionId) {
        return positions.containsKey(positionId)
                && (unrestricted || callerPosition != null && hierarchy.isAtOrBelow(positionId, callerPosition));
    }

    /** @throws NotFoundException when the caller may not see it (or it does not exist) */
    public PositionDTO require(String positionId) {
        if (positionId == null || !visible(positionId)) {
            throw new NotFoundException(ForecastingEntityTypes.POSITION, positionId);
        }
        return positions.get(positionId);
    }

    /** The viewer whose adjustments layer applies: {@code null} for a caller who sees everything. */
    public String viewer() {
        return unrestricted ? null : callerPosition;
    }

    /** The caller's position, or {@code positionId} when given and visible. */
    public PositionDTO target(String positionId) {
        if (positionId != null) {
            return require(positionId);
        }
        return own().orElseThrow(() -> new NotFoundException(ForecastingEntityTypes.POSITION, "(the caller's own)"));
    }

    public Optional<PositionDTO> own() {
        return Optional.ofNullable(callerPosition).map(positions::get);
    }

    /** The caller's own position, to author an adjustment with. */
    public String author() {
        if (callerPosition == null) {
            throw new ForbiddenException("positionId", "the caller holds no forecast position, so has no forecast to adjust from");
        }
        return callerPosition;
    }

    /** The visible positions, top down. */
    public List<PositionDTO> visiblePositions() {
        List<String> ids = unrestricted ? hierarchy.all() : callerPosition == null ? List.of() : hierarchy.subtree(callerPosition);
        return ids.stream().map(positions::get).toList();
    }
}
