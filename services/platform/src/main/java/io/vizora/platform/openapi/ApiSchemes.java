package io.vizora.platform.openapi;

import io.swagger.v3.oas.models.security.SecurityScheme;
import io.vizora.platform.security.ApiKeyAuthentication;

import java.util.Map;

/**
 * How callers of Vizora's HTTP APIs present their credentials, as OpenAPI security schemes. Operations
 * name them in {@code @SecurityRequirement(name = ApiSchemes.API_KEY)}; an operation that names none
 * takes an operator's token, one marked {@link NoCredentials} takes nothing.
 */
public final class ApiSchemes {

    public static final String OPERATOR = "operator";
    public static final String API_KEY = "apiKey";
    public static final String DEVICE = "device";

    private static final Map<String, SecurityScheme> SCHEMES = Map.of(
            OPERATOR, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An operator's access token: the ES256 JWT that the command service's `POST /api/v1/auth/login` "
                            + "(or `/api/v1/auth/refresh`) answers as `accessToken`. Enter the token alone; it is sent as "
                            + "`Authorization: Bearer <token>`."),
            // An HTTP scheme named ApiKey is what the services read, but Swagger UI fills in only basic and bearer;
            // as an API key in the Authorization header it sends whatever is entered, prefix included.
            API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("Authorization")
                    .description("A partner system's API key (created by an owner or admin at the command service's "
                            + "`POST /api/v1/api-keys`), sent as `Authorization: ApiKey " + ApiKeyAuthentication.KEY_PREFIX
                            + "...`. Enter `ApiKey ` followed by the key."),
            DEVICE, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("A paired screen's device token: the ES256 JWT handed out once at pairing and afterwards by "
                            + "`POST /device/v1/token`. Operators' tokens are refused here, and device tokens everywhere else."));

    private ApiSchemes() {
    }

    /** The scheme of that name; an unknown name is a typo that would leave Swagger UI's Authorize without it. */
    static SecurityScheme named(String name) {
        var scheme = SCHEMES.get(name);
        if (scheme == null) {
            throw new IllegalStateException("An operation requires the security scheme '" + name + "', which is none of "
                    + SCHEMES.keySet().stream().sorted().toList() + " (ApiSchemes)");
        }
        return scheme;
    }
}
