package jp.bousai.relay.adapters.webpush;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The RFC 8030 {@code Topic} of a document: a push service keeps only the newest pending message
 * per topic, so a revision (or the lifting) of an order replaces an older one not yet delivered
 * to a phone that was offline. A topic is at most 32 characters of URL-safe base64: the first 24
 * bytes of SHA-256 of the document id give exactly 32, whatever the id looks like, and do not
 * show the id to the push service.
 */
public final class PushTopic {

    /** The longest topic RFC 8030 allows. */
    public static final int MAX_LENGTH = 32;

    private PushTopic() {
    }

    public static String of(String documentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(documentId.getBytes(StandardCharsets.UTF_8));
            return Base64Url.encode(Arrays.copyOf(digest, MAX_LENGTH * 3 / 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
