package jp.bousai.relay.core.store;

import java.time.Instant;

/**
 * Where used UsernameToken nonces are kept for as long as their token could be replayed, so
 * that a replay is recognised also after a restart. Implementations must be safe for concurrent
 * use; {@link #remember} may block (it is called off the event loop).
 */
public interface NonceStore {

    /** Keeps nothing beyond the verifier's own memory: a restart forgets every nonce. */
    NonceStore NONE = (key, now, until) -> true;

    /**
     * Records {@code key} as used until {@code until}, durably before returning; records that
     * expired before {@code now} may be forgotten.
     *
     * @return false when {@code key} is already recorded and has not yet expired (a replay)
     * @throws RuntimeException when the nonce could not be recorded; the token must then be refused
     */
    boolean remember(String key, Instant now, Instant until);
}
