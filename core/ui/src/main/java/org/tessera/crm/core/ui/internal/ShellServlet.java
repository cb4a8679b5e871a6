package org.tessera.crm.core.ui.internal;

import java.io.IOException;
import java.net.URL;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the web UI under {@code /tessera/}: the shell (built into this bundle's {@value #SHELL}
 * folder) and, under {@code /tessera/ui/<module>/}, the files of each module's UI bundle. The REST
 * API keeps {@code /tessera/api/}: the whiteboard maps a request to the longest matching pattern,
 * so the JAX-RS application's {@code /tessera/api/*} wins over this servlet's {@code /tessera/*}.
 *
 * <p>{@code index.html} and the files under stable names are revalidated on each load (their
 * entity tag is the bundle's build); the shell's hashed assets, and a module's entry when it is
 * asked for with the {@code v} of its current build (as {@code /v1/ui/extensions} gives it), are
 * cached for a year.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("tessera-ui")
@HttpWhiteboardServletPattern(ShellServlet.PATTERN)
public class ShellServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATTERN = "/tessera/*";
    /** The shell's build output inside this bundle. */
    static final String SHELL = "shell";
    static final String INDEX = "index.html";
    /** Where modules' UIs are served, below {@code /tessera/}. */
    static final String MODULES_PREFIX = "/ui/";
    /**
     * A file name with the 8-character content hash Vite puts in it, e.g. {@code pipeline-B1x_9aZc.js}; the
     * hash must hold a capital, digit or underscore, so that {@code tessera-overview.js} is no hash.
     */
    static final Pattern HASHED_NAME = Pattern.compile("(.*/)?[^/]*-(?=[A-Za-z0-9_-]{0,7}[A-Z0-9_])[A-Za-z0-9_-]{8}\\.[a-z0-9]+");

    private final transient Bundle shellBundle;
    private final transient UiModules modules;
    private final transient StaticFiles files = new StaticFiles();

    @Activate
    public ShellServlet(BundleContext context, @Reference UiModules modules) {
        this.shellBundle = context.getBundle();
        this.modules = modules;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) { // /tessera without its slash: the shell's relative URLs need it
            response.sendRedirect(request.getContextPath() + "/tessera/");
            return;
        }
        if (path.startsWith(MODULES_PREFIX)) {
            serveModuleFile(request, response, path.substring(MODULES_PREFIX.length()));
            return;
        }
        String file = path.equals("/") ? INDEX : path.substring(1);
        Optional<String> safe = UiPaths.safeRelative(file);
        if (safe.isEmpty()) {
            ServletProblems.badPath(response, path);
            return;
        }
        URL entry = shellBundle.getEntry(SHELL + "/" + safe.get());
        if (entry == null) {
            ServletProblems.notFound(response, "no file " + path + " in the web UI");
            return;
        }
        String cache = safe.get().startsWith("assets/") ? StaticFiles.IMMUTABLE : StaticFiles.REVALIDATE;
        files.send(request, response, entry, safe.get(), version(shellBundle), cache);
    }

    /** {@code <module>/<path>}: a file of the module's UI folder, while its bundle is active. */
    private void serveModuleFile(HttpServletRequest request, HttpServletResponse response, String modulePath) throws IOException {
        int slash = modulePath.indexOf('/');
        String module = slash < 0 ? modulePath : modulePath.substring(0, slash);
        Optional<UiModule> ui = modules.module(module);
        if (ui.isEmpty()) {
            ServletProblems.notFound(response, "no UI of module " + module + " is installed");
            return;
        }
        String path = slash < 0 ? "" : modulePath.substring(slash + 1);
        if (path.isEmpty()) {
            ServletProblems.notFound(response, "the UI of module " + module + " is served file by file, from its entry");
            return;
        }
        if (UiPaths.safeRelative(path).isEmpty()) {
            ServletProblems.badPath(response, request.getPathInfo());
            return;
        }
        Optional<URL> entry = ui.get().file(path);
        if (entry.isEmpty()) {
            ServletProblems.notFound(response, "no file " + path + " in the UI of module " + module);
            return;
        }
        String version = version(ui.get().bundle());
        boolean current = String.valueOf(ui.get().lastModified()).equals(request.getParameter("v"));
        String cache = current || HASHED_NAME.matcher(path).matches() ? StaticFiles.IMMUTABLE : StaticFiles.REVALIDATE;
        files.send(request, response, entry.get(), path, version, cache);
    }

    /** A bundle's build: a new install (new id) or update (new last modification) changes it. */
    private static String version(Bundle bundle) {
        return bundle.getBundleId() + "-" + Long.toHexString(bundle.getLastModified());
    }
}
