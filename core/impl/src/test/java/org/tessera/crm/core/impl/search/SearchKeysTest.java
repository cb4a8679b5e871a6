package org.tessera.crm.core.impl.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.search.SearchKeys;
import org.tessera.crm.core.impl.party.SearchText;

/** The one matching rule of the search, as modules use it. */
class SearchKeysTest {

    @Test
    void normalizesAsThePartySearchDoes() {
        for (String text : List.of("Jean-François Bérard", "O'Brien", "ÉLODIE  d’Arc", "anne@example.com", "Søren Ærø", "Q-000042")) {
            assertEquals(SearchText.normalize(text), SearchKeys.normalize(text), text);
        }
        assertEquals(List.of("jean", "francois"), SearchKeys.tokens(" Jean  FRANÇOIS jean "));
        assertEquals(List.of(), SearchKeys.tokens("?! ()"));
    }

    @Test
    void everyTokenMustBeThePrefixOfAWordOfOneOfTheTexts() {
        assertTrue(SearchKeys.matches(SearchKeys.tokens("meg"), "Renault", "Mégane"));
        assertTrue(SearchKeys.matches(SearchKeys.tokens("renault MEG"), "Renault", "Mégane"));
        assertTrue(SearchKeys.matches(SearchKeys.tokens("flotte"), "Renouvellement flotte 2027"));
        assertTrue(SearchKeys.matches(SearchKeys.tokens("obrien"), "O'Brien Consulting"));
        assertTrue(SearchKeys.matches(SearchKeys.tokens("123"), "AB-123-CD"), "parts at hyphens are words");
        assertTrue(SearchKeys.matches(SearchKeys.tokens("ab-12"), "AB-123-CD"), "and so is the whole");
        assertFalse(SearchKeys.matches(SearchKeys.tokens("gane"), "Mégane"), "a prefix, not a substring");
        assertFalse(SearchKeys.matches(SearchKeys.tokens("renault clio"), "Renault", "Mégane"), "every token");
        assertFalse(SearchKeys.matches(SearchKeys.tokens("x"), (String) null));
    }

    @Test
    void theSqlConditionBindsOnePatternPerTokenAndColumnWithAccentableLettersAsWildcards() {
        SearchKeys.Condition condition = SearchKeys.candidates(SearchKeys.tokens("Mégane R_5"), "v.make", "v.model");
        assertEquals(List.of("%m_g___%", "%m_g___%", "%r!_5%", "%r!_5%"), condition.parameters());
        assertEquals(4, condition.sql().chars().filter(c -> c == '?').count());
        assertTrue(condition.sql().contains("LOWER(v.model) LIKE ? ESCAPE '!'"), condition.sql());
        assertTrue(condition.sql().contains("v.make LIKE '%''%'"), "rows with an apostrophe stay candidates: " + condition.sql());
    }

    @Test
    void firstMatchesWalksBatchesUntilEnoughMatchOrTheCandidatesRunOut() {
        List<Integer> rows = IntStream.range(0, 1000).boxed().toList();
        List<Integer> starts = new ArrayList<>();
        List<Integer> everyHundredth = SearchKeys.firstMatches(3, 50, 10_000, (Integer last) -> {
            int from = last == null ? 0 : last + 1;
            starts.add(from);
            return rows.subList(from, Math.min(from + 50, rows.size()));
        }, row -> row % 100 == 0);
        assertEquals(List.of(0, 100, 200), everyHundredth);
        assertEquals(List.of(0, 50, 100, 150, 200), starts, "stops reading once it has enough");

        assertEquals(List.of(0), SearchKeys.firstMatches(3, 50, 120, (Integer last) -> {
            int from = last == null ? 0 : last + 1;
            return rows.subList(from, Math.min(from + 50, rows.size()));
        }, row -> row % 500 == 0), "bounded by the candidates it may read");
    }
}
