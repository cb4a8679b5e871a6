package org.tessera.crm.core.impl.timeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import org.tessera.crm.core.api.module.ModuleHeaders;
import org.tessera.crm.core.api.spi.TimelineContributor;
import org.tessera.crm.core.api.timeline.TimelineEntryDTO;
import org.tessera.crm.core.api.timeline.TimelineQuery;
import org.tessera.crm.core.api.security.RecordScope;
import org.tessera.crm.core.api.timeline.TimelineService;
import org.tessera.crm.core.api.timeline.TimelineSourceDTO;

/**
 * A party's timeline merged from every {@link TimelineContributor} present right now. A
 * contributor that fails because its module is being stopped during the request (a hot swap) is
 * left out, not reported as an error; any other failure of a contributor fails the request.
 */
@Component
public class TimelineServiceImpl implements TimelineService {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineServiceImpl.class);
    /** Module of a contributor whose bundle carries no {@code Tessera-Module} header. */
    static final String UNKNOWN_MODULE = "unknown";
    private final RecordScope scope;
    private final List<Contributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public TimelineServiceImpl(@Reference(name = "scope") RecordScope scope) {
        this.scope = scope;
    }

    @Reference(name = "contributors", unbind = "removeContributor", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addContributor(TimelineContributor contributor, ServiceReference<TimelineContributor> reference) {
        Bundle owner = reference.getBundle();
        String module = owner == null ? null : owner.getHeaders("").get(ModuleHeaders.MODULE);
        addContributor(contributor, module == null || module.isBlank() ? UNKNOWN_MODULE : module.trim(),
                kinds(reference.getProperty(TimelineContributor.KINDS)), () -> {
                    Bundle bundle = reference.getBundle();
                    return bundle == null || bundle.getState() != Bundle.ACTIVE;
                });
    }

    /** A contributor of unknown module and kinds; {@code leaving} as below. */
    public void addContributor(TimelineContributor contributor, BooleanSupplier leaving) {
        addContributor(contributor, UNKNOWN_MODULE, Set.of(), leaving);
    }

    /**
     * @param module the module the contributor belongs to
     * @param kinds the kinds of entries it declares; empty when it declares none
     * @param leaving tells whether the contributor's module is on its way out (unregistered or stopping)
     */
    public void addContributor(TimelineContributor contributor, String module, Set<String> kinds, BooleanSupplier leaving) {
        contributors.add(new Contributor(contributor, module, Set.copyOf(kinds), leaving));
    }

    /** The service property's kinds: a string or an array or collection of strings. */
    static Set<String> kinds(Object property) {
        Set<String> kinds = new TreeSet<>();
        if (property instanceof String one) {
            kinds.add(one);
        } else if (property instanceof String[] many) {
            kinds.addAll(List.of(many));
        } else if (property instanceof Collection<?> many) {
            many.forEach(kind -> kinds.add(String.valueOf(kind)));
        }
        kinds.removeIf(String::isBlank);
        return kinds;
    }

    public void removeContributor(TimelineContributor contributor) {
        contributors.removeIf(present -> present.service() == contributor);
    }

    @Override
    public Page<TimelineEntryDTO> timeline(String partyId, String cursor, int limit) {
        return timeline(partyId, null, null, cursor, limit);
    }

    @Override
    public Page<TimelineEntryDTO> timeline(String partyId, String module, String kind, String cursor, int limit) {
        List<Contributor> present = List.copyOf(contributors);
        List<Contributor> asked = TimelineFilter.contributorsFor(present, module, kind);
        // a party outside the caller's scope has no timeline either: it does not exist for them
        if (!scope.canAccessParty(partyId)) {
            throw new NotFoundException(EntityTypes.PARTY, partyId);
        }
        TimelineQuery query = TimelineMerge.queryFor(partyId, cursor, limit);
        if (kind != null) {
            query.kinds = Set.of(kind);
        }
        List<List<TimelineEntryDTO>> contributions = new ArrayList<>();
        for (Contributor contributor : asked) {
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

    @Override
    public List<TimelineSourceDTO> sources() {
        return TimelineFilter.sources(List.copyOf(contributors));
    }

    /** A present contributor, the module it belongs to and the kinds it declares (empty: unknown). */
    record Contributor(TimelineContributor service, String module, Set<String> kinds, BooleanSupplier leaving) {
        boolean isLeaving() {
            return leaving.getAsBoolean();
        }
    }
}
