package org.tessera.crm.sales.impl.rules;

import java.util.Comparator;
import java.util.Optional;

import org.tessera.crm.core.kit.FieldErrors;
import org.tessera.crm.sales.api.OpportunityDTO;
import org.tessera.crm.sales.api.OpportunityStatus;
import org.tessera.crm.sales.api.PipelineDTO;
import org.tessera.crm.sales.api.StageDTO;

/** How an opportunity's stage decides its probability, forecast category, status and closing needs. */
public final class StageRules {
    private StageRules() {
    }

    public static Optional<StageDTO> stage(PipelineDTO pipeline, String code) {
        return pipeline.stages.stream().filter(s -> s.code.equals(code)).findFirst();
    }

    public static StageDTO firstStage(PipelineDTO pipeline) {
        return pipeline.stages.stream().min(Comparator.comparingInt(s -> s.sortOrder))
                .orElseThrow(() -> new IllegalStateException("pipeline " + pipeline.id + " has no stage"));
    }

    /**
     * The probability after a write: a closed stage imposes its own (100 won, 0 lost); otherwise
     * the client's value when it set or changed one, else the stage's default (also on a stage
     * change that left the probability as it was).
     */
    public static int probability(StageDTO stage, Integer requested, OpportunityDTO previous) {
        if (stage.closed) {
            return stage.probability;
        }
        if (requested == null) {
            return stage.probability;
        }
        boolean stageChanged = previous != null && !stage.code.equals(previous.stage);
        boolean probabilityUnchanged = previous != null && requested.equals(previous.probability);
        return stageChanged && probabilityUnchanged ? stage.probability : requested;
    }

    public static OpportunityStatus status(StageDTO stage) {
        if (!stage.closed) {
            return OpportunityStatus.OPEN;
        }
        return stage.won ? OpportunityStatus.WON : OpportunityStatus.LOST;
    }

    /** What a deal in a closed stage must have: a close date, and a lost reason when lost. */
    public static void checkClosing(StageDTO stage, OpportunityDTO candidate, FieldErrors errors) {
        if (!stage.closed) {
            return;
        }
        errors.required("expectedCloseDate", candidate.expectedCloseDate);
        if (!stage.won) {
            errors.required("lostReason", candidate.lostReason);
        }
    }

    /** The rules of a pipeline's own stage definitions. */
    public static void checkPipeline(PipelineDTO pipeline, FieldErrors errors) {
        errors.required("name", pipeline.name);
        if (pipeline.stages == null || pipeline.stages.isEmpty()) {
            errors.required("stages", null);
            return;
        }
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < pipeline.stages.size(); i++) {
            StageDTO s = pipeline.stages.get(i);
            String path = "stages[" + i + "]";
            errors.required(path + ".code", s.code).required(path + ".name", s.name)
                    .required(path + ".forecastCategory", s.forecastCategory);
            if (s.code != null && !codes.add(s.code)) {
                errors.invalid(path + ".code", "listed twice");
            }
            if (s.probability < 0 || s.probability > 100) {
                errors.invalid(path + ".probability", "must be from 0 to 100");
            }
            if (s.won && !s.closed) {
                errors.invalid(path + ".won", "a won stage must be closed");
            }
        }
    }
}
