package org.healthscore.service.it;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each {@link BackendTest} on H2 and on MySQL. Without a MySQL-protocol server the MySQL run
 * is skipped with a loud message, except under CI ({@code CI=true}), where its absence fails.
 */
public final class BackendExtension implements TestTemplateInvocationContextProvider {

    private static volatile boolean warned;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Backend.values()).map(BackendExtension::invocation);
    }

    private static TestTemplateInvocationContext invocation(Backend backend) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return "[" + backend + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(availability(backend), resolver(backend));
            }
        };
    }

    private static BeforeTestExecutionCallback availability(Backend backend) {
        return context -> {
            if (backend.jdbcUrl().isPresent()) {
                return;
            }
            String message = "MySQL integration run SKIPPED: set " + Backend.MYSQL_URL
                    + " (e.g. jdbc:mysql://127.0.0.1:3306/hs_test) to run it; .ci/run does";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true but no MySQL-protocol server: " + message);
            }
            if (!warned) {
                warned = true;
                System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
            }
            Assumptions.abort(message);
        };
    }

    private static ParameterResolver resolver(Backend backend) {
        return new ParameterResolver() {
            @Override
            public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
                Class<?> type = parameter.getParameter().getType();
                return type == Api.class || type == Backend.class;
            }

            @Override
            public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
                if (parameter.getParameter().getType() == Backend.class) {
                    return backend;
                }
                return backend.jdbcUrl().isPresent() ? new Api(backend, backend.app()) : null;
            }
        };
    }
}
