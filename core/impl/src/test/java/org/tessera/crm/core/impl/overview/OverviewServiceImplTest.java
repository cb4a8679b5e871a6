package org.tessera.crm.core.impl.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.NotFoundException;
import org.tessera.crm.core.api.org.OrgService;
import org.tessera.crm.core.api.overview.KeyFigureDTO;
import org.tessera.crm.core.api.overview.OverviewSectionDTO;
import org.tessera.crm.core.api.overview.PartyOverviewDTO;
import org.tessera.crm.core.api.party.PartyDTO;
import org.tessera.crm.core.api.party.PartyService;
import org.tessera.crm.core.api.party.PartyType;
import org.tessera.crm.core.api.security.Caller;
import org.tessera.crm.core.api.spi.ContributionStatus;
import org.tessera.crm.core.api.spi.OverviewContributor;
import org.tessera.crm.core.impl.contribution.ContributionExecutor;
import org.tessera.crm.core.impl.security.ThreadLocalCallerContext;
import org.tessera.crm.core.impl.testing.SystemUnlessBoundCallers;

/** The overview's assembly of sections, with stand-in contributors and an in-memory party. */
class OverviewServiceImplTest {
    private static final String PARTY = "42";
    /** Unbound, the test runs as the system, as a shell command does. */
    private final ThreadLocalCallerContext callers = new SystemUnlessBoundCallers();
    private final ContributionExecutor executor = new ContributionExecutor(callers, Configs.threads(4));
    /** Parties the stand-in party service finds, by id. */
    private final Map<String, PartyDTO> parties = new ConcurrentHashMap<>(Map.of(PARTY, party()));
    private final OverviewServiceImpl overview = new OverviewServiceImpl(partyService(), orgService(), callers, executor,
            Configs.overviewBudget(300));

    @AfterEach
    void stop() {
        callers.unbind();
        executor.deactivate();
    }

    @Test
    void aSlowSectionTimesOutAndAFailingOneIsAnErrorWhileTheOthersAreComplete() {
        overview.addContributor(section("sales", "opportunities", "sales.opportunity.read", id -> figures(3)), 0, () -> false);
        overview.addContributor(section("slow", "late", "slow.read", id -> {
            blockUntilInterrupted();
            return figures(1);
        }), 0, () -> false);
        overview.addContributor(section("broken", "faulty", "broken.read", id -> {
            throw new IllegalStateException("database down");
        }), 0, () -> false);

        long start = System.nanoTime();
        PartyOverviewDTO answer = overview.overview(PARTY);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(elapsedMillis < 3_000, "the overview waited for the slow section: " + elapsedMillis + " ms");
        assertEquals(PARTY, answer.party.id);
        assertEquals("Ada Lovelace", answer.party.displayName);
        OverviewSectionDTO broken = answer.sections.get(0);
        assertEquals("broken", broken.module);
        assertEquals(ContributionStatus.ERROR, broken.status);
        assertEquals("could not be computed", broken.message, "the fault itself stays in the server log");
        OverviewSectionDTO sales = answer.sections.get(1);
        assertEquals(ContributionStatus.OK, sales.status);
        assertEquals(3, sales.figures.get(0).value.intValue());
        assertEquals("opportunities", sales.section);
        assertEquals("Title of opportunities", sales.title);
        assertNull(sales.message);
        OverviewSectionDTO slow = answer.sections.get(2);
        assertEquals(ContributionStatus.TIMEOUT, slow.status);
        assertTrue(slow.figures.isEmpty() && slow.items.isEmpty());
        assertEquals("not computed within 300 ms", slow.message);
    }

    @Test
    void sectionsComeCoreFirstThenByModuleThenByRanking() {
        overview.addContributor(section("sales", "quotes", "p", id -> figures(0)), 0, () -> false);
        overview.addContributor(section("core", "relationships", "p", id -> figures(0)), 300, () -> false);
        overview.addContributor(section("dealer", "vehicles", "p", id -> figures(0)), 0, () -> false);
        overview.addContributor(section("sales", "opportunities", "p", id -> figures(0)), 10, () -> false);
        overview.addContributor(section("core", "contact-mechanisms", "p", id -> figures(0)), 400, () -> false);
        assertEquals(List.of("core/contact-mechanisms", "core/relationships", "dealer/vehicles", "sales/opportunities", "sales/quotes"),
                overview.overview(PARTY).sections.stream().map(s -> s.module + "/" + s.section).toList());
    }

    @Test
    void aSectionIsComputedOnlyWithItsPermissionAndAsTheCaller() {
        AtomicBoolean forbiddenRan = new AtomicBoolean();
        overview.addContributor(section("sales", "opportunities", "sales.opportunity.read",
                id -> figures(callers.current().map(Caller::login).orElse("none").length())), 0, () -> false);
        overview.addContributor(section("sales", "quotes", "sales.quote.read", id -> {
            forbiddenRan.set(true);
            return figures(0);
        }), 0, () -> false);
        callers.bind(new Caller("agent-7", Set.of("agent"), Set.of("core.party.read", "sales.opportunity.read"), "3"));

        List<OverviewSectionDTO> sections = overview.overview(PARTY).sections;
        assertEquals(List.of("opportunities"), sections.stream().map(s -> s.section).toList());
        assertEquals("agent-7".length(), sections.get(0).figures.get(0).value.intValue(), "the section ran as the caller");
        assertFalse(forbiddenRan.get());
    }

    @Test
    void aPartyTheCallerCannotSeeIsNotFoundAndNoSectionRuns() {
        AtomicBoolean ran = new AtomicBoolean();
        overview.addContributor(section("sales", "opportunities", "p", id -> {
            ran.set(true);
            return figures(0);
        }), 0, () -> false);
        assertThrows(NotFoundException.class, () -> overview.overview("43"));
        assertFalse(ran.get());
    }

    @Test
    void aSectionWhoseModuleLeavesDuringTheRequestIsLeftOutAndARemovedOneIsGone() {
        AtomicBoolean leaving = new AtomicBoolean();
        OverviewContributor departing = section("dealer", "vehicles", "p", id -> {
            leaving.set(true);
            throw new IllegalStateException("bundle stopping");
        });
        OverviewContributor removed = section("sales", "opportunities", "p", id -> figures(1));
        overview.addContributor(departing, 0, leaving::get);
        overview.addContributor(removed, 0, () -> false);
        overview.removeContributor(removed);
        assertEquals(List.of(), overview.overview(PARTY).sections);
    }

    private static OverviewSectionDTO figures(long count) {
        return OverviewSectionDTO.of(List.of(KeyFigureDTO.count("count", "Count", count)), List.of());
    }

    private static OverviewContributor section(String module, String key, String permission,
            Function<String, OverviewSectionDTO> content) {
        return new OverviewContributor() {
            @Override
            public String module() {
                return module;
            }

            @Override
            public String section() {
                return key;
            }

            @Override
            public String title() {
                return "Title of " + key;
            }

            @Override
            public String requiredPermission() {
                return permission;
            }

            @Override
            public OverviewSectionDTO contribute(String partyId) {
                return content.apply(partyId);
            }
        };
    }

    private static PartyDTO party() {
        PartyDTO party = new PartyDTO();
        party.id = PARTY;
        party.type = PartyType.PERSON;
        party.displayName = "Ada Lovelace";
        return party;
    }

    private PartyService partyService() {
        return stub(PartyService.class, (method, args) -> method.equals("find") ? Optional.ofNullable(parties.get((String) args[0])) : null);
    }

    private static OrgService orgService() {
        return stub(OrgService.class, (method, args) -> Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> answer.apply(method.getName(), args));
    }

    /** A contributor that never answers on its own: only the budget's interruption ends it. */
    private static void blockUntilInterrupted() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
