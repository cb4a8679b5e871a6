package org.tessera.crm.core.modules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.tessera.crm.core.api.module.ModuleBundleDTO;
import org.tessera.crm.core.api.module.ModuleDTO;

/** Groups bundles into modules and names what each contributes to the core's extension points. */
final class ModuleAssembler {
    private static final String SPI = "org.tessera.crm.core.api.spi.";
    private static final String PERMISSION_PROVIDER = "org.tessera.crm.core.api.security.PermissionProvider";

    private ModuleAssembler() {
    }

    /**
     * @param permissions the permissions a module's providers declare, by module name
     * @param schemaVersion the applied schema version of a module, if it has migrations
     * @param feature the feature that deploys a module, if any
     */
    static List<ModuleDTO> assemble(List<BundleView> bundles, Map<String, Set<String>> permissions,
            Function<String, Optional<String>> schemaVersion, Function<String, Optional<String>> feature) {
        Map<String, List<BundleView>> byModule = new TreeMap<>();
        for (BundleView bundle : bundles) {
            if (bundle.module() != null && !bundle.module().isBlank()) {
                byModule.computeIfAbsent(bundle.module(), m -> new ArrayList<>()).add(bundle);
            }
        }
        List<ModuleDTO> modules = new ArrayList<>();
        byModule.forEach((name, members) -> {
            ModuleDTO module = new ModuleDTO();
            module.name = name;
            members.sort(Comparator.comparing(BundleView::symbolicName));
            Version highest = Version.emptyVersion;
            int leastState = Bundle.ACTIVE;
            Set<String> contributions = new TreeSet<>();
            for (BundleView member : members) {
                ModuleBundleDTO bundle = new ModuleBundleDTO();
                bundle.id = member.id();
                bundle.symbolicName = member.symbolicName();
                bundle.version = member.version();
                bundle.state = stateName(member.state());
                module.bundles.add(bundle);
                Version version = Version.parseVersion(member.version());
                highest = version.compareTo(highest) > 0 ? version : highest;
                leastState = Math.min(leastState, member.state());
                member.services().forEach(service -> contributions.addAll(contributions(service)));
            }
            module.version = highest.toString();
            module.state = stateName(leastState);
            module.permissions.addAll(new TreeSet<>(permissions.getOrDefault(name, Set.of())));
            module.extensionPoints.addAll(contributions);
            module.schemaVersion = schemaVersion.apply(name).orElse(null);
            module.feature = feature.apply(name).orElse(null);
            modules.add(module);
        });
        return modules;
    }

    /** How a service plugs into the core, or nothing when it is the module's own business. */
    static List<String> contributions(BundleView.ServiceView service) {
        List<String> names = new ArrayList<>();
        for (String type : service.objectClass()) {
            if (type.startsWith(SPI)) {
                String simple = type.substring(SPI.length());
                Object entityType = service.properties().get("tessera.entity.type");
                names.add(entityType == null ? simple : simple + "[" + entityType + "]");
            } else if (type.equals(PERMISSION_PROVIDER)) {
                names.add("PermissionProvider");
            }
        }
        if (isTrue(service.properties().get("osgi.jaxrs.resource"))) {
            names.add("REST resource " + simpleName(service.properties().get("component.name")));
        }
        if (isTrue(service.properties().get("osgi.jaxrs.extension"))) {
            names.add("REST extension " + simpleName(service.properties().get("component.name")));
        }
        return names;
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

    private static String simpleName(Object componentName) {
        String name = String.valueOf(componentName);
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
