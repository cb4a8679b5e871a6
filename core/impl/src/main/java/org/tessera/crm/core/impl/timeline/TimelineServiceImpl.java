package org.tessera.crm.core.impl.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.timeline.TimelineService;

/** A party's timeline merged from every {@link TimelineContributor} present right now. */
@Component
public class TimelineServiceImpl implements TimelineService {
    private final RecordScope scope;
    private final List<TimelineContributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public TimelineServiceImpl(@Reference(name = "scope") RecordScope scope) {
        this.scope = scope;
    }

    @Reference(name = "contributors", unbind = "removeContributor", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addContributor(TimelineContributor contributor) {
        contributors.add(contributor);
    }

    public void removeContributor(TimelineContributor contributor) {
        contributors.remove(contributor);
    }

    @Override
    public Page<TimelineEntryDTO> timeline(String partyId, String cursor, int limit) {
        // a party outside the caller's scope has no timeline either: it does not exist for them
        if (!scope.canAccessParty(partyId)) {
            throw new NotFoundException(EntityTypes.PARTY, partyId);
        }
        TimelineQuery query = TimelineMerge.queryFor(partyId, cursor, limit);
        List<List<TimelineEntryDTO>> contributions = new ArrayList<>();
        for (TimelineContributor contributor : contributors) {
            contributions.add(contributor.entries(query));
        }
        return TimelineMerge.page(query, contributions, limit);
    }
}
