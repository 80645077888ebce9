package io.vizora.platform.openapi;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.service.SecurityService;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiDocumentationTests {

    private final ApiDocumentation documentation = new ApiDocumentation("Vizora test API", "What the tests call.", "1.2.3");

    @Test
    void theDocumentTellsItsTitleVersionAndDescriptionInsteadOfSpringdocsDefaults() {
        var api = new OpenAPI().info(new Info().title("OpenAPI definition").version("v0"));

        documentation.customise(api);

        assertThat(api.getInfo().getTitle()).isEqualTo("Vizora test API");
        assertThat(api.getInfo().getVersion()).isEqualTo("1.2.3");
        assertThat(api.getInfo().getDescription()).isEqualTo("What the tests call.");
    }

    @Test
    void everyOperationTakesAnOperatorsBearerTokenUnlessItSaysOtherwise() {
        var api = document(new Operation());

        documentation.customise(api);

        assertThat(api.getSecurity()).containsExactly(requirement(ApiSchemes.OPERATOR));
        var operator = api.getComponents().getSecuritySchemes().get(ApiSchemes.OPERATOR);
        assertThat(operator.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(operator.getScheme()).isEqualTo("bearer");
        assertThat(operator.getBearerFormat()).isEqualTo("JWT");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys(ApiSchemes.OPERATOR);
    }

    @Test
    void theApiKeyIsOfferedAsTheAuthorizationHeaderOnlyWhereAnOperationTakesIt() {
        var api = document(new Operation().addSecurityItem(requirement(ApiSchemes.API_KEY)));

        documentation.customise(api);

        var apiKey = api.getComponents().getSecuritySchemes().get(ApiSchemes.API_KEY);
        assertThat(apiKey.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
        assertThat(apiKey.getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(apiKey.getName()).isEqualTo("Authorization");
        assertThat(apiKey.getDescription()).contains("ApiKey vzk_");
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys(ApiSchemes.OPERATOR, ApiSchemes.API_KEY);
    }

    @Test
    void anOperationThatNamesASchemeNobodyDeclaredFailsTheDocumentRatherThanLeavingAuthorizeWithoutIt() {
        var api = document(new Operation().addSecurityItem(requirement("operatorToken")));

        assertThatThrownBy(() -> documentation.customise(api)).isInstanceOf(IllegalStateException.class).hasMessageContaining("operatorToken");
    }

    @Test
    void springdocReadsNoCredentialsAsAnEmptyRequirementAndTheSchemeConstantsAsThemselves() throws Exception {
        var security = new SecurityService(null);

        assertThat(security.getSecurityRequirements(handler("signUp"))).isEmpty();
        assertThat(security.getSecurityRequirements(handler("partnerFeed"))).extracting(SecurityRequirement::name).containsExactly(ApiSchemes.API_KEY);
        assertThat(security.getSecurityRequirements(handler("anythingElse"))).isNull();
    }

    @Test
    void theAutoConfiguredCustomizerTakesTheTitleFromConfigurationAndTheVersionFromTheBuild() {
        var build = new Properties();
        build.setProperty("version", "4.5.6-SNAPSHOT");
        contexts().withBean(BuildProperties.class, () -> new BuildProperties(build))
                .withPropertyValues("vizora.api-docs.title=Vizora read API", "vizora.api-docs.description=Read models.")
                .run(context -> {
                    var api = new OpenAPI();
                    context.getBean(OpenApiCustomizer.class).customise(api);
                    assertThat(api.getInfo().getTitle()).isEqualTo("Vizora read API");
                    assertThat(api.getInfo().getDescription()).isEqualTo("Read models.");
                    assertThat(api.getInfo().getVersion()).isEqualTo("4.5.6-SNAPSHOT");
                });
    }

    @Test
    void withoutABuildVersionTheDocumentSaysItIsUnknownRatherThanInventingOne() {
        contexts().run(context -> {
            var api = new OpenAPI();
            context.getBean(OpenApiCustomizer.class).customise(api);
            assertThat(api.getInfo().getVersion()).isEqualTo(ApiDocumentationAutoConfiguration.UNKNOWN_VERSION);
            assertThat(api.getInfo().getTitle()).isEqualTo("Vizora API");
        });
    }

    private static ApplicationContextRunner contexts() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApiDocumentationAutoConfiguration.class));
    }

    private static OpenAPI document(Operation operation) {
        return new OpenAPI().paths(new Paths().addPathItem("/things", new PathItem().get(operation)));
    }

    private static io.swagger.v3.oas.models.security.SecurityRequirement requirement(String scheme) {
        return new io.swagger.v3.oas.models.security.SecurityRequirement().addList(scheme);
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(name));
    }

    static class Endpoints {

        @NoCredentials
        void signUp() {
        }

        @SecurityRequirement(name = ApiSchemes.API_KEY)
        void partnerFeed() {
        }

        void anythingElse() {
        }
    }
}
