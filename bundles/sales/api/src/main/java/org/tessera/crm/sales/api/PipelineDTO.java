package org.tessera.crm.sales.api;

import java.util.ArrayList;
import java.util.List;

/** A configurable sales process: its stages in sort order. One pipeline is the default. */
public class PipelineDTO {
    public String id;
    public String name;
    public boolean defaultPipeline;
    public List<StageDTO> stages = new ArrayList<>();
    public long version;
}
