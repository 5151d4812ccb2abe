package jp.bousai.relay.core.log;

/** A document's latest version with the state it is in now. */
public record CurrentAdvisory(AdvisoryRecord record, DocumentState state) {
}
