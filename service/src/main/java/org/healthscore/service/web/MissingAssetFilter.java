package org.healthscore.service.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.healthscore.api.problem.Problem;

/**
 * The docs and webjar assets are served by Dropwizard's asset servlets, whose 404 is an empty
 * body. This filter answers a path with no asset behind it as problem+json, like every other
 * error of the service, before the asset servlet sees it.
 */
public final class MissingAssetFilter implements Filter {

    private static final String INDEX = "index.html";

    private final Map<String, String> resourceRoots;

    /** {@code resourceRoots}: URI prefix (such as {@code /docs}) to classpath folder (such as {@code /assets/docs}). */
    public MissingAssetFilter(Map<String, String> resourceRoots) {
        this.resourceRoots = Map.copyOf(resourceRoots);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out
                && !exists(http.getServletPath(), http.getPathInfo())) {
            out.setStatus(HttpServletResponse.SC_NOT_FOUND);
            out.setContentType(Problem.MEDIA_TYPE);
            out.getOutputStream().write(JettyProblems.body(HttpServletResponse.SC_NOT_FOUND, null));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean exists(String servletPath, String pathInfo) {
        String root = resourceRoots.get(servletPath);
        if (root == null) {
            return true;
        }
        if (pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/")) {
            // The asset servlet redirects to, or serves, the folder's index page.
            return true;
        }
        if (pathInfo.contains("..")) {
            return false;
        }
        String path = pathInfo.endsWith("/") ? pathInfo + INDEX : pathInfo;
        return MissingAssetFilter.class.getResource(root + path) != null;
    }
}
