package org.healthscore.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API key secrets: {@code hs_<10 lookup chars>_<43 chars = 256 random bits>}. The {@code hs_<lookup>}
 * prefix is stored in clear to find the key (and to recognise a leaked secret); the whole secret
 * only as a SHA-256 hash, compared in constant time. 256 random bits need no slow hash.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOOKUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern SHAPE = Pattern.compile("^(hs_[a-z0-9]{10})_[A-Za-z0-9_-]{43}$");

    private Secrets() {
    }

    /** A new secret with its prefix and hash. */
    public static Minted mint() {
        StringBuilder lookup = new StringBuilder("hs_");
        for (int i = 0; i < 10; i++) {
            lookup.append(LOOKUP_ALPHABET.charAt(RANDOM.nextInt(LOOKUP_ALPHABET.length())));
        }
        byte[] body = new byte[32];
        RANDOM.nextBytes(body);
        String secret = lookup + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
        return new Minted(secret, lookup.toString(), hash(secret));
    }

    /** The prefix of a well-shaped secret; empty for anything else. */
    public static Optional<String> prefixOf(String secret) {
        Matcher m = SHAPE.matcher(secret);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True when {@code secret} has the shape of a key secret. */
    public static boolean isWellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Compares a presented secret with a stored hash without leaking, through timing, how much matched. */
    public static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(storedHash));
    }

    /** Compares two secrets in constant time (for the bootstrap secret, held in configuration). */
    public static boolean same(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public record Minted(String secret, String prefix, String hash) {
    }
}
