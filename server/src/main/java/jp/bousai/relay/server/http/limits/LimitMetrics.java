package jp.bousai.relay.server.http.limits;

/** What the limits report: refusals by limit, and connections closed by a bound. */
public interface LimitMetrics {

    /** A request or connection refused by {@code limit} (api-key, soap-user, address, connections). */
    void limitRefused(String limit);

    /** A connection closed because of {@code reason} (header-timeout, body-timeout, idle-timeout). */
    void connectionClosed(String reason);
}
