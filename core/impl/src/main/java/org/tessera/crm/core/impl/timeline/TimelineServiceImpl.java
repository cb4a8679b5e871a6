package org.tessera.crm.core.impl.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.Page;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.timeline.TimelineService;

/**
 * A party's timeline merged from every {@link TimelineContributor} present right now. A
 * contributor that fails because its module is being stopped during the request (a hot swap) is
 * left out, not reported as an error; any other failure of a contributor fails the request.
 */
@Component
public class TimelineServiceImpl implements TimelineService {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineServiceImpl.class);
    private final RecordScope scope;
    private final List<Contributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public TimelineServiceImpl(@Reference(name = "scope") RecordScope scope) {
        this.scope = scope;
    }

    @Reference(name = "contributors", unbind = "removeContributor", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addContributor(TimelineContributor contributor, ServiceReference<TimelineContributor> reference) {
        addContributor(contributor, () -> {
            Bundle bundle = reference.getBundle();
            return bundle == null || bundle.getState() != Bundle.ACTIVE;
        });
    }

    /** {@code leaving} tells whether the contributor's module is on its way out (unregistered or stopping). */
    public void addContributor(TimelineContributor contributor, BooleanSupplier leaving) {
        contributors.add(new Contributor(contributor, leaving));
    }

    public void removeContributor(TimelineContributor contributor) {
        contributors.removeIf(present -> present.service() == contributor);
    }

    @Override
    public Page<TimelineEntryDTO> timeline(String partyId, String cursor, int limit) {
        // a party outside the caller's scope has no timeline either: it does not exist for them
        if (!scope.canAccessParty(partyId)) {
            throw new NotFoundException(EntityTypes.PARTY, partyId);
        }
        TimelineQuery query = TimelineMerge.queryFor(partyId, cursor, limit);
        List<List<TimelineEntryDTO>> contributions = new ArrayList<>();
        for (Contributor contributor : contributors) {
            try {
                contributions.add(contributor.service().entries(query));
            } catch (RuntimeException e) {
                if (!contributor.isLeaving()) {
                    throw e;
                }
                // its module is being stopped (a hot swap): it has nothing to show any more
                LOG.debug("Timeline contributor {} left during the request; its entries are omitted", contributor.service(), e);
            }
        }
        return TimelineMerge.page(query, contributions, limit);
    }

    private record Contributor(TimelineContributor service, BooleanSupplier leaving) {
        boolean isLeaving() {
            return leaving.getAsBoolean();
        }
    }
}
