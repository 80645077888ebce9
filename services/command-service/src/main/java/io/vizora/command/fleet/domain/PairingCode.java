package io.vizora.command.fleet.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The short code a screen shows while it waits to be paired, e.g. {@code KX7R-M2QD}: eight
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), 40 bits, typed by an operator
 * standing in front of the screen. Codes live minutes and are single use, so 40 bits is ample.
 */
public record PairingCode(String value) {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    public PairingCode {
        if (value.length() != LENGTH || value.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new IllegalArgumentException("not a pairing code");
        }
    }

    public static PairingCode generate() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new PairingCode(code.toString());
    }

    /** What an operator typed, in any case, with or without the dash and spaces; empty if it cannot be a code. */
    public static Optional<PairingCode> parse(String typed) {
        var normalised = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (normalised.length() != LENGTH || normalised.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        return Optional.of(new PairingCode(normalised));
    }

    /** As the screen shows it: two groups of four. */
    public String displayed() {
        return value.substring(0, 4) + "-" + value.substring(4);
    }
}
