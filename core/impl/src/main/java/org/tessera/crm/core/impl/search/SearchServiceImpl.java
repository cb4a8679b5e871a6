package org.tessera.crm.core.impl.search;

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
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.search.SearchGroupDTO;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.search.SearchResultsDTO;
import org.tessera.crm.core.api.search.SearchService;
import org.tessera.crm.core.api.security.CallerContext;
import org.tessera.crm.core.api.spi.ContributionStatus;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.core.impl.contribution.ContributionExecutor;
import org.tessera.crm.core.impl.contribution.Contributors;
import org.tessera.crm.core.impl.contribution.Outcome;

/**
 * The global search: every {@link SearchContributor} whose permission the caller has, asked in
 * parallel within the group budget for one hit more than the limit (so that a group knows whether
 * there are more). A group that is late or fails is returned with that status and logged; one
 * whose module is leaving during the request is left out.
 */
@Component(configurationPid = SearchServiceImpl.PID)
@Designate(ocd = SearchServiceImpl.Config.class)
public class SearchServiceImpl implements SearchService {
    static final String PID = "org.tessera.crm.search";
    private static final Logger LOG = LoggerFactory.getLogger(SearchServiceImpl.class);

    @ObjectClassDefinition(name = "Tessera global search", description = "Typeahead across the core and the modules")
    public @interface Config {
        @AttributeDefinition(description = "Time budget of each group, in milliseconds; a later group is shown as TIMEOUT")
        long groupBudgetMillis() default 2000;
    }

    private final CallerContext callers;
    private final ContributionExecutor executor;
    private final Contributors<SearchContributor> contributors = new Contributors<>();
    private volatile Duration budget;

    @Activate
    public SearchServiceImpl(@Reference(name = "callers") CallerContext callers,
            @Reference(name = "executor") ContributionExecutor executor, Config config) {
        this.callers = callers;
        this.executor = executor;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        budget = Duration.ofMillis(Math.max(1, config.groupBudgetMillis()));
    }

    @Reference(name = "contributors", unbind = "removeContributor", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addContributor(SearchContributor contributor, ServiceReference<SearchContributor> reference) {
        addContributor(contributor, Contributors.ranking(reference), Contributors.leaving(reference));
    }

    /**
     * Adds a contributor wired by hand (tests, plain Java).
     *
     * @param leaving tells whether the contributor's module is on its way out (unregistered or stopping)
     */
    public void addContributor(SearchContributor contributor, int ranking, BooleanSupplier leaving) {
        contributors.add(contributor, contributor.module(), contributor.type(), ranking, leaving);
    }

    public void removeContributor(SearchContributor contributor) {
        contributors.remove(contributor);
    }

    @Override
    public SearchResultsDTO search(String q, int limit) {
        String text = checked(q, limit);
        SearchResultsDTO results = new SearchResultsDTO();
        results.q = text;
        List<String> tokens = SearchKeys.tokens(text);
        SearchLimits.checkTokens(tokens);
        if (tokens.isEmpty()) {
            return results; // only punctuation: nothing can match
        }
        SearchQuery query = new SearchQuery(text, tokens, limit + 1);
        List<Contributors.Registered<SearchContributor>> eligible = contributors.inOrder().stream()
                .filter(c -> callers.permits(c.service().requiredPermission())).toList();
        List<Callable<List<SearchHitDTO>>> work = new ArrayList<>();
        eligible.forEach(c -> work.add(() -> c.service().search(query)));
        Duration groupBudget = budget;
        List<Outcome<List<SearchHitDTO>>> outcomes = executor.run(work, groupBudget);
        for (int i = 0; i < eligible.size(); i++) {
            Contributors.Registered<SearchContributor> contributor = eligible.get(i);
            Outcome<List<SearchHitDTO>> outcome = outcomes.get(i);
            if (!outcome.ok() && contributor.isLeaving()) {
                LOG.debug("Search group {}/{} left during the request; it is omitted", contributor.module(), contributor.key());
                continue;
            }
            results.groups.add(group(contributor, outcome, limit, groupBudget));
        }
        return results;
    }

    /** The trimmed query. @throws ValidationException naming {@code q} or {@code limit} */
    private static String checked(String q, int limit) {
        List<FieldError> errors = new ArrayList<>();
        String text = q == null ? "" : q.strip();
        if (text.isEmpty()) {
            errors.add(FieldError.required("q"));
        } else if (text.length() > SearchKeys.MAX_QUERY_LENGTH) {
            errors.add(FieldError.invalid("q", "must be at most " + SearchKeys.MAX_QUERY_LENGTH + " characters"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(FieldError.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return text;
    }

    private static SearchGroupDTO group(Contributors.Registered<SearchContributor> contributor,
            Outcome<List<SearchHitDTO>> outcome, int limit, Duration budget) {
        SearchGroupDTO group = new SearchGroupDTO();
        group.type = contributor.key();
        group.module = contributor.module();
        group.title = contributor.service().title();
        group.status = outcome.ok() && outcome.value() == null ? ContributionStatus.ERROR : outcome.status();
        if (group.status == ContributionStatus.OK) {
            List<SearchHitDTO> hits = outcome.value();
            group.items = new ArrayList<>(hits.subList(0, Math.min(limit, hits.size())));
            group.more = hits.size() > limit;
        } else if (group.status == ContributionStatus.TIMEOUT) {
            LOG.warn("Search group {}/{} did not answer within {} ms", contributor.module(), contributor.key(), budget.toMillis());
            group.message = "not searched within " + budget.toMillis() + " ms";
        } else {
            LOG.error("Search group {}/{} failed", contributor.module(), contributor.key(), outcome.failure());
            group.message = "could not be searched";
        }
        return group;
    }
}
