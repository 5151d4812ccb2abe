package jp.bousai.relay.core.log;

import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.auth.Issuer;

/**
 * A validated, authorised advisory on its way into the log, with its canonical JSON, the name
 * of the format it arrived in and the original bytes as received (kept for audit).
 */
public record Submission(Advisory advisory, String json, String format, byte[] original, Issuer issuer) {
}
