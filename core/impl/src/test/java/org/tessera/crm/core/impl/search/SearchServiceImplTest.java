package org.tessera.crm.core.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.ValidationException;
import org.tessera.crm.core.api.search.SearchGroupDTO;
import org.tessera.crm.core.api.search.SearchHitDTO;
import org.tessera.crm.core.api.search.SearchQuery;
import org.tessera.crm.core.api.search.SearchResultsDTO;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.spi.ContributionStatus;
import org.tessera.crm.core.api.spi.SearchContributor;
import org.tessera.crm.core.impl.contribution.ContributionExecutor;
import org.tessera.crm.core.impl.overview.Configs;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;
import org.tessera.crm.core.impl.testing.SystemUnlessBoundCallers;

/** The global search's checks and assembly of groups, with stand-in contributors. */
class SearchServiceImplTest {
    /** Unbound, the test runs as the system, as a shell command does. */
    private final ThreadLocalCallerContext callers = new SystemUnlessBoundCallers();
    private final ContributionExecutor executor = new ContributionExecutor(callers, Configs.threads(4));
    private final SearchServiceImpl search = new SearchServiceImpl(callers, executor, Configs.searchBudget(300));
    private final List<SearchQuery> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        callers.unbind();
        executor.deactivate();
    }

    @Test
    void theQueryIsRequiredAndAtMostOneHundredCharactersAndTheLimitOneToTwenty() {
        for (String bad : new String[] {null, "", "   ", "x".repeat(101)}) {
            ValidationException e = assertThrows(ValidationException.class, () -> search.search(bad, 5), String.valueOf(bad));
            assertEquals("q", e.errors().get(0).field);
        }
        assertEquals("limit", assertThrows(ValidationException.class, () -> search.search("abc", 0)).errors().get(0).field);
        assertEquals("limit", assertThrows(ValidationException.class, () -> search.search("abc", 21)).errors().get(0).field);
        assertEquals("x".repeat(100), search.search(" " + "x".repeat(100) + " ", 20).q);
    }

    @Test
    void aQueryOfMoreThanEightWordsIsRefusedNamingQ() {
        search.addContributor(contributor("core", "party", "p", query -> hits("party", 1)), 0, () -> false);
        ValidationException e = assertThrows(ValidationException.class, () -> search.search("a b c d e f g h i", 5));
        assertEquals("q", e.errors().get(0).field);
        assertEquals("limit_exceeded", e.errors().get(0).code);
        assertEquals(0, asked.size(), "nobody was asked");
        assertEquals(1, search.search("a b c d e f g h", 5).groups.size());
    }

    @Test
    void eachGroupHoldsAtMostTheLimitAndSaysWhetherThereAreMore() {
        search.addContributor(contributor("sales", "opportunity", "p", query -> hits("opportunity", query.limit())), 0, () -> false);
        search.addContributor(contributor("core", "party", "p", query -> hits("party", 2)), 0, () -> false);

        SearchResultsDTO results = search.search("  Dés  ", 3);
        assertEquals("Dés", results.q);
        assertEquals(List.of("party", "opportunity"), results.groups.stream().map(g -> g.type).toList(), "the core's group first");
        SearchGroupDTO parties = results.groups.get(0);
        assertEquals(2, parties.items.size());
        assertFalse(parties.more);
        SearchGroupDTO opportunities = results.groups.get(1);
        assertEquals(ContributionStatus.OK, opportunities.status);
        assertEquals(3, opportunities.items.size());
        assertTrue(opportunities.more);
        assertEquals("sales", opportunities.module);
        assertEquals(List.of("des"), asked.get(0).tokens(), "contributors get the normalized tokens");
        assertEquals(4, asked.get(0).limit(), "asked for one more than the limit");
    }

    @Test
    void aSlowGroupTimesOutWhileTheOthersAnswer() {
        search.addContributor(contributor("core", "party", "p", query -> hits("party", 1)), 0, () -> false);
        search.addContributor(contributor("slow", "thing", "p", query -> {
            try {
                new java.util.concurrent.CountDownLatch(1).await(); // never released: only the budget's interruption ends it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return hits("thing", 1);
        }), 0, () -> false);
        long start = System.nanoTime();
        SearchResultsDTO results = search.search("abc", 5);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 3_000);
        assertEquals(ContributionStatus.OK, results.groups.get(0).status);
        assertEquals(ContributionStatus.TIMEOUT, results.groups.get(1).status);
        assertTrue(results.groups.get(1).items.isEmpty());
    }

    @Test
    void aGroupIsSearchedOnlyWithItsPermissionAndAQueryOfPunctuationFindsNothing() {
        search.addContributor(contributor("core", "party", "core.party.read", query -> hits("party", 1)), 0, () -> false);
        search.addContributor(contributor("sales", "quote", "sales.quote.read", query -> hits("quote", 1)), 0, () -> false);
        callers.bind(new Caller("agent", Set.of("agent"), Set.of("core.party.read"), "1"));
        assertEquals(List.of("party"), search.search("abc", 5).groups.stream().map(g -> g.type).toList());
        assertEquals(List.of(), search.search("?!", 5).groups);
        assertEquals(1, asked.size(), "nobody was asked for the punctuation");
    }

    private List<SearchHitDTO> hits(String type, int count) {
        return IntStream.range(0, count).mapToObj(i -> new SearchHitDTO(String.valueOf(i), type, "Hit " + i, null, "/" + type + "/" + i))
                .toList();
    }

    private SearchContributor contributor(String module, String type, String permission, Function<SearchQuery, List<SearchHitDTO>> answer) {
        return new SearchContributor() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public String title() {
                return type + "s";
            }

            @Override
            public String requiredPermission() {
                return permission;
            }

            @Override
            public List<SearchHitDTO> search(SearchQuery query) {
                synchronized (asked) {
                    asked.add(query);
                }
                return answer.apply(query);
            }
        };
    }
}
