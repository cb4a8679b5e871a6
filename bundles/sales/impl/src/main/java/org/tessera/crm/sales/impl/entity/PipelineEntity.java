package org.tessera.crm.sales.impl.entity;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;
import javax.persistence.Version;

@Entity
@Table(name = "sales_pipeline")
public class PipelineEntity {
    @Id
    @SequenceGenerator(name = "sales_pipeline_gen", sequenceName = "sales_pipeline_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_pipeline_gen")
    public Long id;
    @Version
    public long version;
    public String name;
    @Column(name = "is_default")
    public boolean defaultPipeline;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_stage", joinColumns = @JoinColumn(name = "pipeline_id"))
    @OrderColumn(name = "seq_no")
    public List<StageValue> stages = new ArrayList<>();
}
