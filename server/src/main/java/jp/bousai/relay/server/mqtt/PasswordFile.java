package jp.bousai.relay.server.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Subscriber accounts of the embedded broker, read from a password file in mosquitto's format
 * ({@code username:$7$iterations$salt$hash}, PBKDF2-HMAC-SHA512, as {@code mosquitto_passwd}
 * writes it), so that one file serves the embedded broker and an external mosquitto alike. Only
 * the hashes are held; a password is checked in constant time.
 */
public final class PasswordFile {

    private static final int MAX_ITERATIONS = 1_000_000;
    private static final PasswordFile EMPTY = new PasswordFile(Map.of());

    private final Map<String, Hash> users;

    private PasswordFile(Map<String, Hash> users) {
        this.users = users;
    }

    /** One PBKDF2-HMAC-SHA512 hash. */
    private record Hash(int iterations, byte[] salt, byte[] hash) {
    }

    /** No accounts. */
    public static PasswordFile empty() {
        return EMPTY;
    }

    /**
     * Reads a password file.
     *
     * @throws IllegalArgumentException naming the line that is not a {@code $7$} (PBKDF2) entry
     */
    public static PasswordFile read(Path file) throws IOException {
        Map<String, Hash> users = new LinkedHashMap<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String[] parts = colon < 1 ? new String[0] : line.substring(colon + 1).trim().split("\\$");
            if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
                throw new IllegalArgumentException("line " + number + " is not 'username:$7$...' as mosquitto_passwd "
                        + "writes it (PBKDF2-SHA512; plain and $6$ entries are not accepted)");
            }
            try {
                int iterations = Integer.parseInt(parts[2]);
                if (iterations < 1 || iterations > MAX_ITERATIONS) {
                    throw new IllegalArgumentException("line " + number + ": iterations out of range");
                }
                Hash hash = new Hash(iterations, Base64.getDecoder().decode(parts[3]),
                        Base64.getDecoder().decode(parts[4]));
                if (users.put(line.substring(0, colon), hash) != null) {
                    throw new IllegalArgumentException("line " + number + ": duplicate user '"
                            + line.substring(0, colon) + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + number + ": iterations must be a number");
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("line ")) {
                    throw e;
                }
                throw new IllegalArgumentException("line " + number + ": salt or hash is not base64");
            }
        }
        return new PasswordFile(Map.copyOf(users));
    }

    public Set<String> usernames() {
        return users.keySet();
    }

    /** Whether {@code password} is the password of {@code username}. */
    public boolean matches(String username, byte[] password) {
        Hash expected = users.get(username);
        if (expected == null) {
            return false;
        }
        char[] chars = new String(password, StandardCharsets.UTF_8).toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(chars, expected.salt(), expected.iterations(), expected.hash().length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return MessageDigest.isEqual(actual, expected.hash());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }
}
