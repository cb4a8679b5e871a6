package org.tessera.crm.core.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.tessera.crm.core.api.module.ModuleDTO;

class ModuleAssemblerTest {

    private static BundleView.ServiceView service(List<String> types, Map<String, Object> properties) {
        return new BundleView.ServiceView(types, properties);
    }

    @Test
    void bundlesAreGroupedByModuleWithTheirContributions() {
        BundleView api = new BundleView(10, "org.tessera.crm.sales.api", "0.1.0.SNAPSHOT", Bundle.ACTIVE, "sales", List.of());
        BundleView impl = new BundleView(11, "org.tessera.crm.sales.impl", "0.2.0", Bundle.ACTIVE, "sales", List.of(
                service(List.of("org.tessera.crm.core.api.spi.TimelineContributor"), Map.of()),
                service(List.of("org.tessera.crm.core.api.spi.Validator"), Map.of("tessera.entity.type", "OPPORTUNITY")),
                service(List.of("org.tessera.crm.core.api.security.PermissionProvider"), Map.of()),
                service(List.of("org.tessera.crm.sales.impl.LeadsResource"),
                        Map.of("osgi.jaxrs.resource", "true", "component.name", "org.tessera.crm.sales.impl.LeadsResource")),
                service(List.of("org.tessera.crm.sales.impl.internal.Clock"), Map.of())));
        BundleView unrelated = new BundleView(3, "org.apache.felix.scr", "2.2.6", Bundle.ACTIVE, null, List.of());

        List<ModuleDTO> modules = ModuleAssembler.assemble(List.of(impl, unrelated, api),
                Map.of("sales", Set.of("sales.lead.write", "sales.lead.read")),
                name -> Optional.of("sales-003"), name -> Optional.of("tessera-" + name));

        assertEquals(1, modules.size());
        ModuleDTO sales = modules.get(0);
        assertEquals("sales", sales.name);
        assertEquals("0.2.0", sales.version);
        assertEquals("ACTIVE", sales.state);
        assertEquals("sales-003", sales.schemaVersion);
        assertEquals("tessera-sales", sales.feature);
        assertEquals(List.of("org.tessera.crm.sales.api", "org.tessera.crm.sales.impl"),
                sales.bundles.stream().map(b -> b.symbolicName).toList());
        assertEquals(List.of("sales.lead.read", "sales.lead.write"), sales.permissions);
        assertEquals(List.of("PermissionProvider", "REST resource LeadsResource", "TimelineContributor", "Validator[OPPORTUNITY]"),
                sales.extensionPoints);
    }

    @Test
    void aModuleIsOnlyAsActiveAsItsLeastActiveBundle() {
        BundleView api = new BundleView(10, "x.api", "1.0.0", Bundle.ACTIVE, "x", List.of());
        BundleView impl = new BundleView(11, "x.impl", "1.0.0", Bundle.RESOLVED, "x", List.of());
        ModuleDTO module = ModuleAssembler.assemble(List.of(api, impl), Map.of(), name -> Optional.empty(), name -> Optional.empty()).get(0);
        assertEquals("RESOLVED", module.state);
        assertEquals(null, module.schemaVersion);
    }
}
