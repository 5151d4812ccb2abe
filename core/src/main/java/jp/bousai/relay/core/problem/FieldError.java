package jp.bousai.relay.core.problem;

/**
 * One thing wrong with one field: {@code pointer} is a JSON Pointer (RFC 6901) into the JSON
 * representation of the advisory, e.g. {@code /areas/0/code}.
 */
public record FieldError(String pointer, String detail) {
}
