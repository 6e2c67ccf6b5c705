package org.healthscore.service.it;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The routes the contracts name: every path and method of openapi.yaml (with its schemas fully
 * resolved) and every root field of the GraphQL SDL. Tests that must cover every route enumerate
 * them from here, so a route added to a contract without coverage fails them.
 */
final class SpecRoutes {

    static final String OPENAPI_TEXT = read("openapi/openapi.yaml");
    static final OpenAPI OPENAPI = parse(OPENAPI_TEXT);
    static final TypeDefinitionRegistry GRAPHQL = new SchemaParser().parse(read("graphql/schema.graphqls"));

    /** One operation of openapi.yaml. */
    record Route(String method, String path, Operation operation) {
        String name() {
            return method + " " + path;
        }
    }

    /** One root field of the GraphQL schema, such as {@code Mutation.createMetric}. */
    record RootField(String type, FieldDefinition field) {
        String name() {
            return type + "." + field.getName();
        }
    }

    private SpecRoutes() {
    }

    static List<Route> rest() {
        List<Route> routes = new ArrayList<>();
        OPENAPI.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                routes.add(new Route(method.name().toUpperCase(Locale.ROOT), path, op))));
        return routes;
    }

    static List<RootField> graphql() {
        List<RootField> fields = new ArrayList<>();
        for (String type : List.of("Query", "Mutation")) {
            ObjectTypeDefinition root = GRAPHQL.getType(type, ObjectTypeDefinition.class).orElseThrow();
            root.getFieldDefinitions().forEach(f -> fields.add(new RootField(type, f)));
        }
        return fields;
    }

    /** The methods a path of openapi.yaml does not offer, among the usual ones. */
    static List<String> missingMethods(String path) {
        PathItem item = OPENAPI.getPaths().get(path);
        List<String> missing = new ArrayList<>();
        for (PathItem.HttpMethod m : List.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.POST,
                PathItem.HttpMethod.PUT, PathItem.HttpMethod.DELETE, PathItem.HttpMethod.PATCH)) {
            if (!item.readOperationsMap().containsKey(m)) {
                missing.add(m.name());
            }
        }
        return missing;
    }

    private static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("openapi.yaml does not parse");
        }
        return api;
    }

    private static String read(String resource) {
        try (InputStream in = SpecRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
