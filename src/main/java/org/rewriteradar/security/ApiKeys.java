package org.rewriteradar.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The configured API keys, held as SHA-256 hashes; finds the entry a presented key belongs to. */
public final class ApiKeys {

    /**
     * One configured key.
     *
     * @param name the key's name (logs, rate limits)
     * @param sha256 SHA-256 of the key
     * @param roles the roles it grants
     */
    public record Entry(String name, byte[] sha256, Set<String> roles) {}

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.INGEST, Roles.READER, Roles.ADMIN);

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Parses entries of {@link SecurityConfig#apiKeys()}.
     *
     * @throws IllegalArgumentException naming the entry (never its hash) when one is malformed
     */
    public static ApiKeys parse(List<String> specs) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String spec = specs.get(i).trim();
            if (spec.isEmpty()) {
                continue;
            }
            String[] parts = spec.split(":", -1);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException(
                        "radar.security.api-keys entry " + (i + 1) + " is not name:sha256-hex:roles");
            }
            byte[] hash;
            try {
                hash = HexFormat.of().parseHex(parts[1].trim());
            } catch (IllegalArgumentException e) {
                hash = new byte[0];
            }
            if (hash.length != 32) {
                throw new IllegalArgumentException("radar.security.api-keys entry '" + parts[0]
                        + "': the hash must be 64 hexadecimal digits (SHA-256 of the key)");
            }
            Set<String> roles = Set.of(parts[2].trim().split("\\+"));
            if (!KNOWN_ROLES.containsAll(roles)) {
                throw new IllegalArgumentException("radar.security.api-keys entry '" + parts[0] + "': roles " + roles
                        + " are not all of " + KNOWN_ROLES);
            }
            entries.add(new Entry(parts[0].trim(), hash, roles));
        }
        return new ApiKeys(entries);
    }

    /** The entry whose hash is the presented key's; every entry is compared, in constant time each. */
    public Optional<Entry> find(String presentedKey) {
        byte[] hash = sha256(presentedKey);
        Entry found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.sha256(), hash) && found == null) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** SHA-256 of the key's UTF-8 bytes, in hexadecimal: what an operator puts in an entry. */
    public static String hashOf(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
