package org.tessera.crm.core.impl.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.impl.support.SqlBuilder;

class TermMatchesTest {

    private static long placeholders(SqlBuilder sql) {
        return sql.toString().chars().filter(c -> c == '?').count();
    }

    @Test
    void likePatternEscapesWildcards() {
        assertEquals("a!%b!_c!!%", TermMatches.likePrefix("a%b_c!"));
    }

    @Test
    void idListsArePaddedToAFewShapes() {
        SqlBuilder three = new SqlBuilder();
        TermMatches.appendIn(three, List.of(1001L, 1002L, 1003L));
        assertTrue(three.toString().startsWith(" AND p.id IN ("));
        assertEquals(16, placeholders(three));

        List<Long> many = new ArrayList<>();
        for (long id = 0; id < 200; id++) {
            many.add(id);
        }
        SqlBuilder more = new SqlBuilder();
        TermMatches.appendIn(more, many);
        assertEquals(TermMatches.SPARSE, placeholders(more));
    }

    @Test
    void noMatchMatchesNothing() {
        SqlBuilder none = new SqlBuilder();
        TermMatches.appendIn(none, List.of());
        assertEquals(" AND 1 = 0", none.toString());
    }
    @Test
    void aPrefixsUpperBoundIsItsLastCharacterOneHigher() {
        assertEquals("mas", TermMatches.upperBound("mar").orElseThrow());
        assertEquals("b", TermMatches.upperBound("a\uffff").orElseThrow(), "a maximal last character is dropped");
        assertTrue(TermMatches.upperBound("\uffff").isEmpty());
        SqlBuilder range = new SqlBuilder();
        TermMatches.appendPrefix(range, "ma_", true);
        assertEquals("t.term >= ? AND t.term < ? AND t.term LIKE ? ESCAPE '!'", range.toString().replaceAll("\\?\\d+", "?").trim());
    }
}
