package org.tessera.crm.core.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tessera.crm.core.api.module.ModuleHeaders;

/**
 * The UI extender: tracks the active bundles whose manifest has {@code Tessera-UI}, checks each
 * one's {@code tessera-ui.json} when it arrives, and keeps the modules' UIs while their bundles
 * stay active. A bundle whose descriptor has any fault is refused whole (the log says every
 * fault), as is a second UI for a module that has one (it is
 * taken up when it next starts). The {@link #revision()} changes whenever
 * the set changes, so that an open page can tell cheaply that a module came or went.
 */
@Component(service = UiModules.class, immediate = true)
public class UiModules {
    private static final Logger LOG = LoggerFactory.getLogger(UiModules.class);

    /** The served set and its revision, replaced whole on each change. */
    record Snapshot(Map<String, UiModule> byModule, String revision) {
    }

    private final UiDescriptorParser parser = new UiDescriptorParser();
    private final Object lock = new Object();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), revisionOf(Map.of()));
    private final BundleTracker<UiModule> tracker;

    @Activate
    public UiModules(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public UiModule addingBundle(Bundle bundle, BundleEvent event) {
                return arrived(bundle);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, UiModule module) {
                // still active: nothing changed that is served
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, UiModule module) {
                left(module);
            }
        });
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    /** The UIs served now, by module name, and the revision of that set. */
    Snapshot snapshot() {
        return snapshot;
    }

    Optional<UiModule> module(String name) {
        return Optional.ofNullable(snapshot.byModule().get(name));
    }

    String revision() {
        return snapshot.revision();
    }

    private UiModule arrived(Bundle bundle) {
        String header = bundle.getHeaders("").get(ModuleHeaders.UI);
        if (header == null) {
            return null;
        }
        String name = bundle.getSymbolicName() + " " + bundle.getVersion();
        Optional<String> folder = UiPaths.folder(header);
        if (folder.isEmpty()) {
            LOG.error("UI of bundle {} refused: header {}: '{}' is not a plain folder inside the bundle", name, ModuleHeaders.UI, header);
            return null;
        }
        URL descriptorUrl = bundle.getEntry(folder.get() + "/" + UiDescriptor.FILE);
        if (descriptorUrl == null) {
            LOG.error("UI of bundle {} refused: no {}/{} in the bundle", name, folder.get(), UiDescriptor.FILE);
            return null;
        }
        UiDescriptor descriptor;
        try (InputStream in = descriptorUrl.openStream()) {
            descriptor = parser.parse(in.readAllBytes(), bundle.getHeaders("").get(ModuleHeaders.MODULE),
                    path -> bundle.getEntry(folder.get() + "/" + path) != null);
        } catch (InvalidUiDescriptorException e) {
            // one line: Karaf's log escapes line breaks
            LOG.error("UI of bundle {} refused: {}/{} has {} fault(s): {}", name, folder.get(), UiDescriptor.FILE,
                    e.faults().size(), String.join("; ", e.faults()));
            return null;
        } catch (IOException e) {
            LOG.error("UI of bundle {} refused: cannot read {}: {}", name, UiDescriptor.FILE, e.getMessage());
            return null;
        }
        UiModule module = new UiModule(bundle, folder.get(), descriptor, bundle.getLastModified());
        synchronized (lock) {
            UiModule present = snapshot.byModule().get(descriptor.module());
            if (present != null) {
                LOG.error("UI of bundle {} refused: bundle {} already serves the UI of module {}", name,
                        present.bundle().getSymbolicName(), descriptor.module());
                return null;
            }
            Map<String, UiModule> modules = new TreeMap<>(snapshot.byModule());
            modules.put(descriptor.module(), module);
            publish(modules);
        }
        LOG.info("UI of module {} served from bundle {} at /tessera/ui/{}/", descriptor.module(), name, descriptor.module());
        return module;
    }

    private void left(UiModule module) {
        synchronized (lock) {
            Map<String, UiModule> modules = new TreeMap<>(snapshot.byModule());
            if (modules.get(module.module()) == module) {
                modules.remove(module.module());
                publish(modules);
            }
        }
        LOG.info("UI of module {} withdrawn", module.module());
    }

    private void publish(Map<String, UiModule> modules) {
        snapshot = new Snapshot(Map.copyOf(modules), revisionOf(modules));
    }

    /** A digest of which bundle serves each module, and of which build: it changes whenever the set does. */
    static String revisionOf(Map<String, UiModule> modules) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (UiModule module : new TreeMap<>(modules).values()) {
                digest.update(module.identity().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
