package jp.bousai.relay.server.config;

/** An admin key: its id and SHA-256; {@code demo} marks a publicly known one. */
public record AdminKeyConfig(String id, String sha256, boolean demo) {
}
