package org.tessera.crm.core.modules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.module.ModuleDTO;
import org.tessera.crm.core.api.module.AvailableModules;
import org.tessera.crm.core.api.module.ModuleHeaders;
import org.tessera.crm.core.api.module.ModuleRegistry;
import org.tessera.crm.core.api.schema.SchemaMigrations;

/**
 * The modules that could be installed: features of the known feature repositories that deploy a
 * Tessera module and are not installed. A feature deploys module {@code m} when it is named
 * {@code tessera-m} (the name {@link ModuleLifecycle#install} looks for) and one of its own bundles
 * carries {@code Tessera-Module: m}; so the core's features ({@code tessera-core},
 * {@code tessera-demo}: bundles of module {@code core}) and the platform's (no such bundle) are
 * never offered.
 */
@Component(service = {ModuleCatalog.class, AvailableModules.class})
public class ModuleCatalog implements AvailableModules {
    /** {@link ModuleDTO#state} of a module that is not installed. */
    public static final String AVAILABLE = "AVAILABLE";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCatalog.class);

    private final FeaturesService features;
    private final ModuleRegistry registry;
    private final SchemaMigrations migrations;
    /**
     * The {@code Tessera-Module} header of a bundle, by location ("" when it has none). A bundle
     * at a location never changes module, and reading each jar once keeps a listing cheap.
     */
    private final Map<String, String> moduleHeaders = new ConcurrentHashMap<>();

    @Activate
    public ModuleCatalog(@Reference FeaturesService features, @Reference ModuleRegistry registry,
            @Reference SchemaMigrations migrations) {
        this.features = features;
        this.registry = registry;
        this.migrations = migrations;
    }

    /** The installable modules, by name: the newest feature of each; the schema version a past install left, if any. */
    @Override
    public List<ModuleDTO> available() {
        Set<String> installed = new java.util.HashSet<>();
        registry.modules().forEach(module -> installed.add(module.name));
        Map<String, Feature> newest = new TreeMap<>();
        try {
            for (Feature feature : features.listFeatures()) {
                String module = moduleOf(feature.getName());
                if (module == null || installed.contains(module) || features.isInstalled(feature)) {
                    continue;
                }
                Feature known = newest.get(module);
                if (known == null || ModuleRegistryImpl.newest(new Feature[] {known, feature}).orElseThrow() == feature) {
                    newest.put(module, feature);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the features of the feature repositories: " + e.getMessage(), e);
        }
        List<ModuleDTO> available = new ArrayList<>();
        newest.forEach((module, feature) -> {
            if (deploys(feature, module)) {
                available.add(dto(module, feature));
            }
        });
        return available;
    }

    /** The module a feature's name stands for, or null when it is not a {@code tessera-<module>} name. */
    static String moduleOf(String featureName) {
        if (featureName == null || !featureName.startsWith(ModuleRegistryImpl.FEATURE_PREFIX)) {
            return null;
        }
        String module = featureName.substring(ModuleRegistryImpl.FEATURE_PREFIX.length());
        return ModuleNames.isValid(module) && !ModuleLifecycle.CORE.equals(module) ? module : null;
    }

    private boolean deploys(Feature feature, String module) {
        for (BundleInfo bundle : feature.getBundles()) {
            if (!bundle.isDependency() && module.equals(moduleHeader(bundle.getLocation()))) {
                return true;
            }
        }
        return false;
    }

    private String moduleHeader(String location) {
        String known = moduleHeaders.get(location);
        if (known != null) {
            return known;
        }
        String header;
        try (InputStream content = new URL(location).openStream(); JarInputStream jar = new JarInputStream(content)) {
            Manifest manifest = jar.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(ModuleHeaders.MODULE);
            header = value == null ? "" : value.trim();
        } catch (IOException | RuntimeException e) {
            // not resolvable here (an unreachable repository): not offered, and asked again next time
            LOG.debug("Manifest of {} unreadable: {}", location, e.getMessage());
            return "";
        }
        moduleHeaders.put(location, header);
        return header;
    }

    private ModuleDTO dto(String module, Feature feature) {
        ModuleDTO dto = new ModuleDTO();
        dto.name = module;
        dto.version = feature.getVersion();
        dto.state = AVAILABLE;
        dto.feature = feature.getName();
        dto.description = feature.getDescription();
        dto.schemaVersion = AppliedSchemas.version(migrations, module).orElse(null);
        return dto;
    }

}
