package org.tessera.crm.core.api.privacy;

import java.util.ArrayList;
import java.util.List;

/** Records of one type that an erasure anonymized, or kept. */
public class ErasureItemDTO {
    public String entityType;
    public long count;
    /** The fields anonymized (for erased records). */
    public List<String> fields = new ArrayList<>();
    /** Why the records were kept (for kept records), e.g. a legal retention period. */
    public String reason;

    public ErasureItemDTO() {
    }

    public ErasureItemDTO(String entityType, long count, List<String> fields, String reason) {
        this.entityType = entityType;
        this.count = count;
        this.fields = new ArrayList<>(fields);
        this.reason = reason;
    }
}
