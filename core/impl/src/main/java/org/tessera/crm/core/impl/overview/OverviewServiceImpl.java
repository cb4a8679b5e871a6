package org.tessera.crm.core.impl.overview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.EntityTypes;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.org.AgentDTO;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.org.OrgUnitDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.overview.OverviewService;
import org.tessera.crm.core.api.overview.PartyFactsDTO;
import org.tessera.crm.core.api.overview.PartyOverviewDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.spi.ContributionStatus;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.impl.contribution.ContributionExecutor;
import org.tessera.crm.core.impl.contribution.Contributors;
import org.tessera.crm.core.impl.contribution.Outcome;

/**
 * The 360° overview: the party read as the caller (so outside their scope it does not exist),
 * then the sections of every {@link OverviewContributor} whose permission the caller has, computed
 * in parallel within the section budget. A section that is late or fails is returned with that
 * status and logged; one whose module is leaving during the request is left out.
 */
@Component(configurationPid = OverviewServiceImpl.PID)
@Designate(ocd = OverviewServiceImpl.Config.class)
public class OverviewServiceImpl implements OverviewService {
    static final String PID = "org.tessera.crm.overview";
    private static final Logger LOG = LoggerFactory.getLogger(OverviewServiceImpl.class);

    @ObjectClassDefinition(name = "Tessera party overview", description = "The 360° overview of parties")
    public @interface Config {
        @AttributeDefinition(description = "Time budget of each section, in milliseconds; a later section is shown as TIMEOUT")
        long sectionBudgetMillis() default 2000;
    }

    private final PartyService parties;
    private final OrgService org;
    private final CallerContext callers;
    private final ContributionExecutor executor;
    private final Contributors<OverviewContributor> contributors = new Contributors<>();
    private volatile Duration budget;

    @Activate
    public OverviewServiceImpl(@Reference(name = "parties") PartyService parties, @Reference(name = "org") OrgService org,
            @Reference(name = "callers") CallerContext callers, @Reference(name = "executor") ContributionExecutor executor,
            Config config) {
        this.parties = parties;
        this.org = org;
        this.callers = callers;
        this.executor = executor;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        budget = Duration.ofMillis(Math.max(1, config.sectionBudgetMillis()));
    }

    @Reference(name = "contributors", unbind = "removeContributor", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addContributor(OverviewContributor contributor, ServiceReference<OverviewContributor> reference) {
        addContributor(contributor, Contributors.ranking(reference), Contributors.leaving(reference));
    }

    /**
     * Adds a contributor wired by hand (tests, plain Java).
     *
     * @param leaving tells whether the contributor's module is on its way out (unregistered or stopping)
     */
    public void addContributor(OverviewContributor contributor, int ranking, BooleanSupplier leaving) {
        contributors.add(contributor, contributor.module(), contributor.section(), ranking, leaving);
    }

    public void removeContributor(OverviewContributor contributor) {
        contributors.remove(contributor);
    }

    @Override
    public PartyOverviewDTO overview(String partyId) {
        PartyDTO party = parties.find(partyId).orElseThrow(() -> new NotFoundException(EntityTypes.PARTY, partyId));
        List<Contributors.Registered<OverviewContributor>> eligible = contributors.inOrder().stream()
                .filter(c -> callers.permits(c.service().requiredPermission())).toList();
        List<Callable<OverviewSectionDTO>> work = new ArrayList<>();
        eligible.forEach(c -> work.add(() -> c.service().contribute(party.id)));
        Duration sectionBudget = budget;
        List<Outcome<OverviewSectionDTO>> outcomes = executor.run(work, sectionBudget);

        PartyOverviewDTO overview = new PartyOverviewDTO();
        overview.party = facts(party);
        for (int i = 0; i < eligible.size(); i++) {
            Contributors.Registered<OverviewContributor> contributor = eligible.get(i);
            Outcome<OverviewSectionDTO> outcome = outcomes.get(i);
            if (!outcome.ok() && contributor.isLeaving()) {
                LOG.debug("Overview section {}/{} left during the request; it is omitted", contributor.module(), contributor.key());
                continue;
            }
            overview.sections.add(section(contributor, outcome, sectionBudget));
        }
        return overview;
    }

    private static OverviewSectionDTO section(Contributors.Registered<OverviewContributor> contributor,
            Outcome<OverviewSectionDTO> outcome, Duration budget) {
        OverviewSectionDTO section = outcome.ok() && outcome.value() != null ? outcome.value() : new OverviewSectionDTO();
        section.module = contributor.module();
        section.section = contributor.key();
        section.title = contributor.service().title();
        section.status = outcome.value() == null && outcome.ok() ? ContributionStatus.ERROR : outcome.status();
        if (section.status == ContributionStatus.TIMEOUT) {
            LOG.warn("Overview section {}/{} did not answer within {} ms", contributor.module(), contributor.key(), budget.toMillis());
            section.message = "not computed within " + budget.toMillis() + " ms";
        } else if (section.status == ContributionStatus.ERROR) {
            LOG.error("Overview section {}/{} failed", contributor.module(), contributor.key(), outcome.failure());
            section.message = "could not be computed";
        }
        return section;
    }

    private PartyFactsDTO facts(PartyDTO party) {
        PartyFactsDTO facts = new PartyFactsDTO();
        facts.id = party.id;
        facts.type = party.type;
        facts.displayName = party.displayName;
        facts.status = party.status;
        facts.classifications.addAll(party.classifications);
        facts.ownerId = party.ownerId;
        facts.ownerName = party.ownerId == null ? null : org.findAgent(party.ownerId).map((AgentDTO a) -> a.displayName).orElse(null);
        facts.orgUnitId = party.orgUnitId;
        facts.orgUnitName = party.orgUnitId == null ? null : org.findOrgUnit(party.orgUnitId).map((OrgUnitDTO u) -> u.name).orElse(null);
        return facts;
    }
}
