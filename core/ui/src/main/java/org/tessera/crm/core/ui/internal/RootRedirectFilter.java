package org.tessera.crm.core.ui.internal;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * {@code /} answers {@code 302} to {@code /tessera/}: a person who types the server's address
 * lands on the web UI. A filter rather than a servlet: the JAX-RS whiteboard's default
 * application holds {@code /*} of the root context, which outranks a servlet's {@code /}, and
 * Pax Web does not register the exact-root pattern {@code ""}. Every other path passes through.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterName("tessera-root-redirect")
@HttpWhiteboardFilterPattern("/*")
public class RootRedirectFilter implements Filter {
    static final String TARGET = "/tessera/";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer && isRoot(http)) {
            answer.setStatus(HttpServletResponse.SC_FOUND);
            answer.setHeader("Location", http.getContextPath() + TARGET);
            answer.setHeader("Cache-Control", "no-cache");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The context's root itself, by GET or HEAD. */
    static boolean isRoot(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return ("GET".equals(method) || "HEAD".equals(method)) && (path.isEmpty() || "/".equals(path));
    }
}
