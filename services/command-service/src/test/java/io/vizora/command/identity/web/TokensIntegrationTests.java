package io.vizora.command.identity.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.vizora.command.CommandServiceIntegrationTest;
import io.vizora.command.identity.application.AuthenticationService.Tokens;
import io.vizora.command.identity.domain.Role;
import io.vizora.command.identity.tokens.AccessTokens;
import io.vizora.command.identity.tokens.JwtSigner;
import io.vizora.command.identity.tokens.SigningKeyRing;
import io.vizora.command.identity.tokens.TokenProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceIntegrationTest
class TokensIntegrationTests {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKeyRing keys;

    @Autowired
    TokenProperties properties;

    private String signUp() {
        var email = "owner-" + UUID.randomUUID() + "@example.org";
        http.post().uri("/api/v1/organisations").bodyValue(Map.of("organisationName", "Acme", "ownerEmail", email,
                "ownerName", "Ada", "password", PASSWORD)).exchange().expectStatus().isCreated();
        return email;
    }

    private Tokens logIn(String email) {
        return http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Tokens.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec me(String accessToken) {
        return http.get().uri("/api/v1/me").header("Authorization", "Bearer " + accessToken).exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post().uri("/api/v1/auth/refresh").bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    @Test
    void loggingInGivesAnAccessTokenThatNamesUserOrganisationAndRole() {
        var tokens = logIn(signUp());

        assertThat(tokens.expiresIn()).isEqualTo(600);
        me(tokens.accessToken()).expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("owner");
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        var email = signUp();
        var wrongPassword = http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", email, "password", "not the password")).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        var unknown = http.post().uri("/api/v1/auth/login").bodyValue(Map.of("email", "nobody-" + email, "password", PASSWORD)).exchange()
                .expectStatus().isUnauthorized().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(wrongPassword.get("detail")).isEqualTo(unknown.get("detail"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        var past = Clock.fixed(Instant.now().minus(properties.accessTokenLifetime()).minusSeconds(120), ZoneOffset.UTC);
        var expired = new AccessTokens(new JwtSigner(keys, properties.issuer(), past), properties).issue(UUID.randomUUID(), UUID.randomUUID(), Role.OWNER);

        me(expired).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenWhosePayloadWasChangedIsRefused() {
        var token = logIn(signUp()).accessToken();
        var parts = token.split("\\.");
        var claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"owner\"", "\"admin\"");
        var tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];

        me(token).expectStatus().isOk();
        me(tampered).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedWhateverKidItClaims() throws Exception {
        var stranger = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        var realKid = SignedJWT.parse(logIn(signUp()).accessToken()).getHeader().getKeyID();

        for (var kid : new String[] {stranger.getKeyID(), realKid}) {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), ownerClaims());
            jwt.sign(new ECDSASigner(stranger));
            me(jwt.serialize()).expectStatus().isUnauthorized();
        }
    }

    @Test
    void anUnsignedTokenIsRefused() {
        me(new PlainJWT(ownerClaims()).serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenMacedWithThePublicKeyIsRefused() throws Exception {
        var realKid = SignedJWT.parse(logIn(signUp()).accessToken()).getHeader().getKeyID();
        var publicKeyBytes = JsonMapper.shared().writeValueAsBytes(keys.publicKeys().toJSONObject(true));
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(realKid).build(), ownerClaims());
        jwt.sign(new MACSigner(java.security.MessageDigest.getInstance("SHA-256").digest(publicKeyBytes)));

        me(jwt.serialize()).expectStatus().isUnauthorized();
    }

    @Test
    void aRefreshTokenRotatesAndReusingASpentOneEndsTheSessionEverywhere() {
        var first = logIn(signUp());
        var second = refresh(first.refreshToken()).expectStatus().isOk().expectBody(Tokens.class).returnResult().getResponseBody();
        me(second.accessToken()).expectStatus().isOk();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

        refresh(first.refreshToken()).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("used before"));
        refresh(second.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void loggingOutEndsTheSession() {
        var tokens = logIn(signUp());
        http.post().uri("/api/v1/auth/logout").bodyValue(Map.of("refreshToken", tokens.refreshToken())).exchange()
                .expectStatus().isNoContent();

        refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void rotatingTheSigningKeyLogsNobodyOut() throws Exception {
        var email = signUp();
        var before = logIn(email).accessToken();
        var newKey = keys.rotate();
        var after = logIn(email).accessToken();
        var beforeKid = SignedJWT.parse(before).getHeader().getKeyID();

        me(before).expectStatus().isOk();
        me(after).expectStatus().isOk();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKey.getKeyID())
                .isNotEqualTo(beforeKid);
        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody(String.class).value(jwks -> assertThat(jwks)
                        .contains(beforeKid, newKey.getKeyID())
                        .doesNotContain("\"d\""));
    }

    private JWTClaimsSet ownerClaims() {
        return new JWTClaimsSet.Builder().issuer(properties.issuer()).subject(UUID.randomUUID().toString())
                .claim("org", UUID.randomUUID().toString()).claim("role", "owner")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
    }

    @Test
    void theConsolesRefreshTokenIsAnHttpOnlyStrictCookieThatRotatesAndEndsWithLogOut() {
        var email = signUp();
        var login = http.post().uri("/api/v1/auth/login?refreshIn=cookie").bodyValue(Map.of("email", email, "password", PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.accessToken").exists().jsonPath("$.refreshToken").doesNotExist()
                .returnResult();
        var cookie = login.getResponseCookies().getFirst("vizora_refresh");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/api/v1/auth");
        assertThat(cookie.getMaxAge()).isEqualTo(properties.refreshTokenLifetime());

        var refreshed = http.post().uri("/api/v1/auth/refresh?refreshIn=cookie").cookie("vizora_refresh", cookie.getValue()).bodyValue(Map.of())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.accessToken").exists().returnResult();
        var rotated = refreshed.getResponseCookies().getFirst("vizora_refresh");
        assertThat(rotated.getValue()).isNotEqualTo(cookie.getValue());
        // a cookie session asked for its token in the body keeps it in the cookie: a script never holds it
        var again = http.post().uri("/api/v1/auth/refresh").cookie("vizora_refresh", rotated.getValue()).bodyValue(Map.of())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.refreshToken").doesNotExist().returnResult();
        rotated = again.getResponseCookies().getFirst("vizora_refresh");
        assertThat(rotated).isNotNull();

        http.post().uri("/api/v1/auth/logout").cookie("vizora_refresh", rotated.getValue()).bodyValue(Map.of()).exchange()
                .expectStatus().isNoContent().expectHeader().valueMatches("Set-Cookie", "vizora_refresh=; Max-Age=0;.*Path=/api/v1/auth.*");
        http.post().uri("/api/v1/auth/refresh?refreshIn=cookie").cookie("vizora_refresh", rotated.getValue()).bodyValue(Map.of())
                .exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/refresh?refreshIn=cookie").bodyValue(Map.of()).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    }
}
