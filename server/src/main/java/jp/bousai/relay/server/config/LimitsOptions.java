package jp.bousai.relay.server.config;

import java.time.Duration;

/**
 * Rate limits and connection bounds ({@code limits.*}). The rates are token buckets: {@code rate}
 * requests a second on average, up to {@code burst} at once after a quiet spell.
 *
 * <p>Why the defaults: a municipality's disaster office issues a handful of versions in a storm
 * (an order, its revisions, shelters, HQ), at most a few a second when an operator publishes a
 * prepared batch. A prefecture entering for its municipalities (代行入力) sends more: up to about
 * 180 municipalities (Hokkaido) times a few kinds of advisory in one burst, then a steady trickle.
 * So a key or SOAP user may send 100 at once and 10 a second after that: a prefecture's batch of
 * 180 goes through in under ten seconds, and a runaway script is held to 10/s. One address may
 * carry many senders (municipalities behind a prefecture's shared LGWAN gateway or a security
 * cloud), so its bucket is five times larger; it is checked before credentials, so that a flood
 * of bad keys is refused before any work.
 *
 * @param apiKeyRate ingest requests per second, per API key
 * @param apiKeyBurst bucket size per API key
 * @param soapUserRate L-Alert SOAP publishes per second, per SOAP user
 * @param soapUserBurst bucket size per SOAP user
 * @param addressRate ingest requests per second, per client address (any credentials)
 * @param addressBurst bucket size per client address
 * @param maxTrackedAddresses client addresses whose bucket is kept; past it, the longest idle go
 * @param headerTimeout longest wait for the first request's headers on a new connection (on a
 *        kept-alive connection, the idle timeout bounds the wait for the next request)
 * @param bodyTimeout longest a request body may take to arrive, from its headers
 * @param idleTimeout a non-stream connection with no request in flight is closed after this
 * @param tlsHandshakeTimeout longest a TLS handshake may take (when TLS is on)
 * @param maxConnectionsPerAddress open connections per client address, streams included
 */
public record LimitsOptions(int apiKeyRate, int apiKeyBurst, int soapUserRate, int soapUserBurst,
                            int addressRate, int addressBurst, int maxTrackedAddresses,
                            Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
                            Duration tlsHandshakeTimeout, int maxConnectionsPerAddress) {

    public static final int DEFAULT_API_KEY_RATE = 10;
    public static final int DEFAULT_API_KEY_BURST = 100;
    public static final int DEFAULT_SOAP_USER_RATE = 10;
    public static final int DEFAULT_SOAP_USER_BURST = 100;
    public static final int DEFAULT_ADDRESS_RATE = 50;
    public static final int DEFAULT_ADDRESS_BURST = 500;
    public static final int DEFAULT_MAX_TRACKED_ADDRESSES = 100_000;
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_TLS_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 1_000;

    private static final int MAX_RATE = 1_000_000;

    /** Reads the {@code limits} section, each key checked and named in errors. */
    public static LimitsOptions from(ConfigSection limits) {
        ConfigSection apiKey = limits.section("api-key");
        ConfigSection soapUser = limits.section("soap-user");
        ConfigSection address = limits.section("address");
        Duration tenthOfASecond = Duration.ofMillis(100);
        return new LimitsOptions(
                apiKey.integer("rate", DEFAULT_API_KEY_RATE, 1, MAX_RATE),
                apiKey.integer("burst", DEFAULT_API_KEY_BURST, 1, MAX_RATE),
                soapUser.integer("rate", DEFAULT_SOAP_USER_RATE, 1, MAX_RATE),
                soapUser.integer("burst", DEFAULT_SOAP_USER_BURST, 1, MAX_RATE),
                address.integer("rate", DEFAULT_ADDRESS_RATE, 1, MAX_RATE),
                address.integer("burst", DEFAULT_ADDRESS_BURST, 1, MAX_RATE),
                address.integer("max-tracked", DEFAULT_MAX_TRACKED_ADDRESSES, 100, 10_000_000),
                limits.duration("header-timeout", DEFAULT_HEADER_TIMEOUT, tenthOfASecond),
                limits.duration("body-timeout", DEFAULT_BODY_TIMEOUT, tenthOfASecond),
                limits.duration("idle-timeout", DEFAULT_IDLE_TIMEOUT, tenthOfASecond),
                limits.duration("tls-handshake-timeout", DEFAULT_TLS_HANDSHAKE_TIMEOUT, Duration.ofSeconds(1)),
                limits.integer("max-connections-per-address", DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, 1, 1_000_000));
    }
}
