package io.vizora.command.fleet.application;

import io.vizora.platform.edge.RateLimitProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a pairing code may be claimed, how long a claimed screen has to collect its
 * credentials (a screen that was switched off meanwhile gets a day), and how many codes no screen
 * was waiting with an organisation may try in a while before its claims wait: a mistyped code is
 * rare, and every other is a guess at another organisation's waiting screen.
 */
@ConfigurationProperties("vizora.pairing")
public record PairingProperties(Duration codeLifetime, Duration collectWithin, RateLimitProperties.Limit unknownCodes) {

    public PairingProperties {
        codeLifetime = codeLifetime == null ? Duration.ofMinutes(10) : codeLifetime;
        collectWithin = collectWithin == null ? Duration.ofDays(1) : collectWithin;
        unknownCodes = unknownCodes == null ? new RateLimitProperties.Limit(10, Duration.ofMinutes(10)) : unknownCodes;
    }
}
