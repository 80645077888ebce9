package io.vizora.command.fleet.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a pairing code may be claimed, and how long a claimed screen has to collect its
 * credentials (a screen that was switched off meanwhile gets a day).
 */
@ConfigurationProperties("vizora.pairing")
public record PairingProperties(Duration codeLifetime, Duration collectWithin) {

    public PairingProperties {
        codeLifetime = codeLifetime == null ? Duration.ofMinutes(10) : codeLifetime;
        collectWithin = collectWithin == null ? Duration.ofDays(1) : collectWithin;
    }
}
