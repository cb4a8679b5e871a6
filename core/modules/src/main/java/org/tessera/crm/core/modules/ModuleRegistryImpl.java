package org.tessera.crm.core.modules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tessera.crm.core.api.module.ModuleDTO;
import org.tessera.crm.core.api.module.ModuleHeaders;
import org.tessera.crm.core.api.module.ModuleRegistry;
import org.tessera.crm.core.api.schema.SchemaMigrations;
import org.tessera.crm.core.api.security.PermissionProvider;

/**
 * The module registry, computed on each call from the live framework: bundles that carry the
 * {@code Tessera-Module} header, the services they registered, the permissions their providers
 * declare and the schema versions in the migration ledger. Nothing is cached, so what it says is
 * what is installed at that moment.
 */
@Component(service = ModuleRegistry.class)
public class ModuleRegistryImpl implements ModuleRegistry {
    /** Feature of a module: {@code tessera-<module>}. */
    static final String FEATURE_PREFIX = "tessera-";

    private final BundleContext context;
    private final SchemaMigrations migrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FeaturesService features;

    @Activate
    public ModuleRegistryImpl(BundleContext context, @Reference SchemaMigrations migrations) {
        this.context = context;
        this.migrations = migrations;
    }

    @Override
    public List<ModuleDTO> modules() {
        List<BundleView> bundles = new ArrayList<>();
        Map<String, Set<String>> permissions = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String module = bundle.getHeaders("").get(ModuleHeaders.MODULE);
            if (module == null || module.isBlank()) {
                continue;
            }
            List<BundleView.ServiceView> services = new ArrayList<>();
            ServiceReference<?>[] registered = bundle.getRegisteredServices();
            for (ServiceReference<?> reference : registered == null ? new ServiceReference<?>[0] : registered) {
                services.add(view(reference));
                permissions.computeIfAbsent(module, m -> new TreeSet<>()).addAll(declaredPermissions(reference));
            }
            bundles.add(new BundleView(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                    bundle.getState(), module.trim(), services));
        }
        Map<String, Optional<Feature>> features = new HashMap<>();
        List<ModuleDTO> modules = ModuleAssembler.assemble(bundles, permissions, module -> AppliedSchemas.version(migrations, module),
                module -> features.computeIfAbsent(module, this::feature).map(Feature::getName));
        modules.forEach(module -> module.description = features.computeIfAbsent(module.name, this::feature)
                .map(Feature::getDescription).orElse(null));
        return modules;
    }

    @Override
    public Optional<ModuleDTO> module(String name) {
        return modules().stream().filter(module -> module.name.equals(name)).findFirst();
    }

    private static BundleView.ServiceView view(ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return new BundleView.ServiceView(List.of((String[]) reference.getProperty("objectClass")), properties);
    }

    private Set<String> declaredPermissions(ServiceReference<?> reference) {
        List<String> types = List.of((String[]) reference.getProperty("objectClass"));
        if (!types.contains(PermissionProvider.class.getName())) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        ServiceReference<PermissionProvider> provider = (ServiceReference<PermissionProvider>) reference;
        PermissionProvider service = context.getService(provider);
        try {
            return service == null ? Set.of() : Set.copyOf(service.permissions());
        } finally {
            if (service != null) {
                context.ungetService(provider);
            }
        }
    }


    /** The newest of the features of one name, if any. */
    static Optional<Feature> newest(Feature[] candidates) {
        Feature newest = null;
        for (Feature candidate : candidates == null ? new Feature[0] : candidates) {
            if (newest == null || org.osgi.framework.Version.parseVersion(candidate.getVersion())
                    .compareTo(org.osgi.framework.Version.parseVersion(newest.getVersion())) > 0) {
                newest = candidate;
            }
        }
        return Optional.ofNullable(newest);
    }

    private Optional<Feature> feature(String module) {
        FeaturesService service = features;
        if (service == null || !ModuleNames.isValid(module)) {
            return Optional.empty();
        }
        try {
            return ModuleRegistryImpl.newest(service.getFeatures(FEATURE_PREFIX + module));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
