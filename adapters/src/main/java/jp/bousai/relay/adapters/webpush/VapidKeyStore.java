package jp.bousai.relay.adapters.webpush;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the VAPID key pair in the data directory, so that subscriptions made against the public
 * key stay valid across restarts (a new key would orphan every subscription). The first start
 * generates the pair and writes it to a file only the owner can read ({@code 0600}), created with
 * those permissions before any key byte is written and moved into place atomically; later starts
 * read it back. Blocking file I/O: call it at start-up, off the event loop.
 */
public final class VapidKeyStore {

    /** The file name inside the data directory. */
    public static final String FILE_NAME = "vapid-keys.properties";

    private static final Logger LOG = LoggerFactory.getLogger(VapidKeyStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String PUBLIC = "public";
    private static final String PRIVATE = "private";

    private final Path file;

    public VapidKeyStore(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The stored pair, or a new one stored now when there is none. */
    public VapidKeys loadOrCreate(SecureRandom random) throws IOException {
        if (Files.exists(file)) {
            return load();
        }
        VapidKeys keys = VapidKeys.generate(random);
        write(keys);
        LOG.info("[vapid] generated a new key pair in {} (public key {})", file, keys.publicKeyBase64Url());
        return keys;
    }

    private VapidKeys load() throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warn("[vapid] {} is readable by others ({}): restrict it to the owner (chmod 600)", file,
                    PosixFilePermissions.toString(permissions));
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            properties.load(reader);
        }
        String publicKey = properties.getProperty(PUBLIC);
        String privateKey = properties.getProperty(PRIVATE);
        if (publicKey == null || privateKey == null) {
            throw new IOException(file + " lacks the '" + PUBLIC + "' or '" + PRIVATE + "' key");
        }
        try {
            return VapidKeys.fromBase64Url(publicKey, privateKey);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not hold a VAPID key pair: " + e.getMessage(), e);
        }
    }

    private void write(VapidKeys keys) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
                writer.write("# VAPID key pair of this relay (RFC 8292), raw P-256 keys in base64url. Keep it secret;\n");
                writer.write("# replacing it invalidates every browser subscription.\n");
                writer.write(PUBLIC + "=" + keys.publicKeyBase64Url() + "\n");
                writer.write(PRIVATE + "=" + keys.privateKeyBase64Url() + "\n");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
