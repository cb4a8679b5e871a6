package org.tessera.crm.sales.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.kit.rest.Problem;
import org.tessera.crm.core.kit.rest.ProblemException;

class CloseDateRangeTest {

    @Test
    void bothEndsAreOptionalAndInclusiveDays() {
        assertEquals(new CloseDateRange(null, null), CloseDateRange.of(null, " "));
        CloseDateRange range = CloseDateRange.of("2027-01-01", "2027-01-01");
        assertEquals(LocalDate.of(2027, 1, 1), range.from());
        assertEquals(LocalDate.of(2027, 1, 1), range.to());
        assertNull(CloseDateRange.of(null, "2027-12-31").from());
    }

    @Test
    void aDateThatIsNotIsoIsA400NamingTheParameter() {
        Problem problem = problem(assertThrows(ProblemException.class, () -> CloseDateRange.of("31/12/2027", null)));
        assertEquals(400, problem.status);
        assertEquals("closeFrom", problem.errors.get(0).field);
    }

    @Test
    void anEndBeforeTheStartIsA400NamingCloseTo() {
        Problem problem = problem(assertThrows(ProblemException.class, () -> CloseDateRange.of("2027-02-01", "2027-01-31")));
        assertEquals("closeTo", problem.errors.get(0).field);
    }

    private static Problem problem(ProblemException e) {
        return (Problem) e.getResponse().getEntity();
    }
}
