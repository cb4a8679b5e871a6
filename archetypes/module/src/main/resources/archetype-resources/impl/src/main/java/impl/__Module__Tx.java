package ${package}.impl;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tessera.crm.core.kit.jpa.JpaTemplateTx;
import org.tessera.crm.core.kit.jpa.Tx;

/**
 * The kit's {@link Tx} over the module's persistence unit, registered once the module's schema is
 * migrated: every service of the module reaches its tables through it ({@link #TARGET}).
 */
@Component(service = Tx.class, property = Tx.UNIT_PROPERTY + "=" + ${Module}Tx.UNIT)
public class ${Module}Tx extends JpaTemplateTx {
    static final String UNIT = "tessera-${module}";
    static final String TARGET = "(" + Tx.UNIT_PROPERTY + "=" + UNIT + ")";

    @Activate
    public ${Module}Tx(@Reference(name = "jpa", target = "(osgi.unit.name=" + UNIT + ")") JpaTemplate jpa,
            @Reference(name = "schema", target = ${Module}Schema.TARGET) ${Module}Schema schema) {
        super(jpa);
    }
}
