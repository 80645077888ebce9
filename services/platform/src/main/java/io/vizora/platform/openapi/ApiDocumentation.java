package io.vizora.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A service's OpenAPI document as Swagger UI needs it: its title, version and description, an operator's
 * token required by default, and the security scheme of every requirement an operation names, so that
 * Authorize offers exactly the credentials the service's operations take.
 */
public final class ApiDocumentation implements OpenApiCustomizer {

    private final String title;
    private final String description;
    private final String version;

    public ApiDocumentation(String title, String description, String version) {
        this.title = Objects.requireNonNull(title);
        this.description = description;
        this.version = Objects.requireNonNull(version);
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title(title).description(description).version(version));
        api.security(List.of(new SecurityRequirement().addList(ApiSchemes.OPERATOR)));
        var named = new TreeSet<String>();
        named.add(ApiSchemes.OPERATOR);
        operations(api).stream()
                .map(Operation::getSecurity).filter(Objects::nonNull).flatMap(Collection::stream)
                .forEach(requirement -> named.addAll(requirement.keySet()));
        if (api.getComponents() == null) {
            api.components(new Components());
        }
        named.forEach(name -> api.getComponents().addSecuritySchemes(name, ApiSchemes.named(name)));
    }

    private static List<Operation> operations(OpenAPI api) {
        return api.getPaths() == null ? List.of()
                : api.getPaths().values().stream().flatMap(path -> path.readOperations().stream()).toList();
    }
}
