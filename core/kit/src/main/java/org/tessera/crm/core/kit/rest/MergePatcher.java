package org.tessera.crm.core.kit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Applies a merge patch to a DTO through its JSON form, so that the patch speaks the same JSON
 * contract as the rest of the API (same names, same date formats, unknown fields rejected).
 */
public final class MergePatcher {
    private final ObjectMapper mapper;

    public MergePatcher(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The DTO {@code current} with {@code patch} applied; {@code current} is not modified.
     *
     * @throws ProblemException 400 when the patch is not a JSON object or yields an invalid DTO
     */
    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(new Problem(ProblemTypes.INVALID_JSON, "Invalid merge patch", 400,
                    "a merge patch must be a JSON object"));
        }
        JsonNode merged = JsonMergePatch.apply(mapper.valueToTree(current), patch);
        try {
            return mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(JsonProblems.of(e));
        }
    }
}
