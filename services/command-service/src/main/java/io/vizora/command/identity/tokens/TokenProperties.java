package io.vizora.command.identity.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Lifetimes and keys of operator and device tokens. The key-encryption secret seals private signing keys at
 * rest; it comes from the environment and is never logged.
 */
@ConfigurationProperties("vizora.tokens")
public record TokenProperties(String issuer, Duration accessTokenLifetime, Duration refreshTokenLifetime,
                              Duration keyRotationInterval, String keyEncryptionSecret,
                              Duration deviceTokenLifetime) {

    public TokenProperties {
        deviceTokenLifetime = deviceTokenLifetime == null ? Duration.ofHours(24) : deviceTokenLifetime;
    }

    @Override
    public String toString() {
        return "TokenProperties[issuer=" + issuer + ", accessTokenLifetime=" + accessTokenLifetime + "]";
    }
}
