package org.tessera.crm.core.modules;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The locations a module bundle may be updated from: {@code mvn:} coordinates whose text starts
 * with an allowed {@code mvn:} prefix, and {@code file:} URLs whose normalized path lies under an
 * allowed {@code file:} directory (so {@code ..} cannot climb out of it). Nothing else: an
 * {@code http:} URL, a {@code mvn:} URL naming its own repository, a file elsewhere.
 */
final class LocationAllowList {
    private static final String MVN = "mvn:";
    private static final String FILE = "file:";

    private final List<String> mvnPrefixes;
    private final List<Path> directories;

    /** @param prefixes as configured; {@code ${karaf.home}} and {@code ${karaf.base}} are expanded */
    LocationAllowList(List<String> prefixes) {
        this.mvnPrefixes = prefixes.stream().map(String::trim).filter(prefix -> prefix.startsWith(MVN)).toList();
        this.directories = prefixes.stream().map(String::trim).filter(prefix -> prefix.startsWith(FILE))
                .map(prefix -> filePath(expand(prefix))).flatMap(Optional::stream).toList();
    }

    boolean allows(String location) {
        if (location.startsWith(MVN)) {
            // a repository in the URL (mvn:http://host/repo!group/...) never starts with an allowed group
            return mvnPrefixes.stream().anyMatch(location::startsWith);
        }
        if (location.toLowerCase(Locale.ROOT).startsWith(FILE)) {
            return filePath(location).map(path -> directories.stream().anyMatch(path::startsWith)).orElse(false);
        }
        return false;
    }

    private static Optional<Path> filePath(String fileUrl) {
        try {
            return Optional.of(Path.of(URI.create(fileUrl.replace(" ", "%20"))).toAbsolutePath().normalize());
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException malformed) {
            return Optional.empty();
        }
    }

    private static String expand(String prefix) {
        return prefix.replace("${karaf.home}", System.getProperty("karaf.home", "."))
                .replace("${karaf.base}", System.getProperty("karaf.base", System.getProperty("karaf.home", ".")));
    }
}
