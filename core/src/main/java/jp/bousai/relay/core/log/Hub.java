package jp.bousai.relay.core.log;

/**
 * Live fan-out: receives every committed version, in sequence order, once it is durable, and
 * passes it to the live subscribers whose filter it matches. Must not block.
 */
@FunctionalInterface
public interface Hub {

    void publish(AdvisoryRecord record);
}
