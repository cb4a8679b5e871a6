package org.tessera.crm.sales.impl.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tessera.crm.core.api.FieldError;
import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.sales.api.ForecastCategory;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityStatus;
import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.api.StageDTO;

class StageRulesTest {
    static StageDTO stage(String code, int order, int probability, ForecastCategory category, boolean closed, boolean won) {
        StageDTO s = new StageDTO();
        s.code = code;
        s.name = code;
        s.sortOrder = order;
        s.probability = probability;
        s.forecastCategory = category;
        s.closed = closed;
        s.won = won;
        return s;
    }

    static final StageDTO PROPOSAL = stage("PROPOSAL", 50, 70, ForecastCategory.BEST_CASE, false, false);
    static final StageDTO NEGOTIATION = stage("NEGOTIATION", 60, 90, ForecastCategory.COMMIT, false, false);
    static final StageDTO WON = stage("WON", 70, 100, ForecastCategory.CLOSED, true, true);
    static final StageDTO LOST = stage("LOST", 80, 0, ForecastCategory.OMITTED, true, false);

    static OpportunityDTO at(String stage, Integer probability) {
        OpportunityDTO o = new OpportunityDTO();
        o.stage = stage;
        o.probability = probability;
        return o;
    }

    @Test
    void probabilityDefaultsToTheStages() {
        assertEquals(70, StageRules.probability(PROPOSAL, null, null));
    }

    @Test
    void anExplicitProbabilityIsKept() {
        assertEquals(55, StageRules.probability(PROPOSAL, 55, null));
        assertEquals(80, StageRules.probability(NEGOTIATION, 80, at("PROPOSAL", 70)));
    }

    @Test
    void aStageChangeWithTheOldProbabilityTakesTheNewStagesDefault() {
        assertEquals(90, StageRules.probability(NEGOTIATION, 70, at("PROPOSAL", 70)));
    }

    @Test
    void closedStagesImposeTheirProbability() {
        assertEquals(100, StageRules.probability(WON, 40, at("NEGOTIATION", 90)));
        assertEquals(0, StageRules.probability(LOST, 40, at("NEGOTIATION", 90)));
    }

    @Test
    void statusFollowsTheStage() {
        assertEquals(OpportunityStatus.OPEN, StageRules.status(PROPOSAL));
        assertEquals(OpportunityStatus.WON, StageRules.status(WON));
        assertEquals(OpportunityStatus.LOST, StageRules.status(LOST));
    }

    @Test
    void closingNeedsACloseDateAndALostReasonWhenLost() {
        FieldErrors errors = new FieldErrors();
        StageRules.checkClosing(LOST, at("LOST", null), errors);
        assertEquals(java.util.List.of(FieldError.required("expectedCloseDate"), FieldError.required("lostReason")), errors.list());

        OpportunityDTO won = at("WON", null);
        won.expectedCloseDate = LocalDate.of(2027, 3, 31);
        FieldErrors none = new FieldErrors();
        StageRules.checkClosing(WON, won, none);
        assertTrue(none.isEmpty());
    }

    @Test
    void pipelinesNeedUniqueStageCodesAndWonStagesMustBeClosed() {
        PipelineDTO p = new PipelineDTO();
        p.name = "Renewals";
        p.stages.add(PROPOSAL);
        p.stages.add(stage("PROPOSAL", 60, 120, ForecastCategory.COMMIT, false, true));
        FieldErrors errors = new FieldErrors();
        StageRules.checkPipeline(p, errors);
        assertEquals(java.util.List.of("stages[1].code", "stages[1].probability", "stages[1].won"),
                errors.list().stream().map(e -> e.field).toList());
    }

    @Test
    void theFirstStageIsTheLowestSortOrder() {
        PipelineDTO p = new PipelineDTO();
        p.stages.add(NEGOTIATION);
        p.stages.add(PROPOSAL);
        assertEquals("PROPOSAL", StageRules.firstStage(p).code);
    }
}
