package jp.bousai.relay.server.http.limits;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongSupplier;
import jp.bousai.relay.server.config.LimitsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limits of the write endpoints: per client address (checked first, before credentials
 * and before the body is read), per API key (once the key is known, still before the body) and
 * per SOAP user (known only from the envelope). Each refusal is a {@link RateLimited} and is
 * counted by limit.
 */
public final class RateLimits {

    public static final String API_KEY = "api-key";
    public static final String SOAP_USER = "soap-user";
    public static final String ADDRESS = "address";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimiter apiKeys;
    private final RateLimiter soapUsers;
    private final RateLimiter addresses;
    private final LimitMetrics metrics;

    public RateLimits(LimitsOptions options, LimitMetrics metrics) {
        this(options, metrics, System::nanoTime);
    }

    RateLimits(LimitsOptions options, LimitMetrics metrics, LongSupplier nanoTime) {
        // keys and users are configured, so their number is bounded by the configuration
        this.apiKeys = new RateLimiter(options.apiKeyRate(), options.apiKeyBurst(), Integer.MAX_VALUE, nanoTime);
        this.soapUsers = new RateLimiter(options.soapUserRate(), options.soapUserBurst(), Integer.MAX_VALUE, nanoTime);
        this.addresses = new RateLimiter(options.addressRate(), options.addressBurst(), options.maxTrackedAddresses(),
                nanoTime);
        this.metrics = metrics;
    }

    /** Route handler (a platform handler, before the body): the client address's bucket. */
    public void checkAddress(RoutingContext ctx) {
        RateLimited refused = byAddress(ctx.request());
        if (refused != null) {
            throw refusal(ctx, refused);
        }
        ctx.next();
    }

    /** The refusal for this request's client address, or null when it may go on. */
    public RateLimited byAddress(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String address = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
        return check(addresses, ADDRESS, address, "client address");
    }

    /** The refusal for an authenticated API key, or null. */
    public RateLimited byApiKey(String keyId) {
        return check(apiKeys, API_KEY, keyId, "API key");
    }

    /** The refusal for an authenticated SOAP user, or null. */
    public RateLimited bySoapUser(String username) {
        return check(soapUsers, SOAP_USER, username, "SOAP user");
    }

    /** Puts {@code Retry-After} on the response and returns the problem to fail the request with. */
    public static RateLimited refusal(RoutingContext ctx, RateLimited refused) {
        ctx.response().putHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
        return refused;
    }

    int trackedAddresses() {
        return addresses.size();
    }

    private RateLimited check(RateLimiter limiter, String limit, String id, String what) {
        long wait = limiter.acquire(id);
        if (wait == 0) {
            return null;
        }
        metrics.limitRefused(limit);
        LOG.debug("[limit: {}, id: {}] refused; retry after {} s", limit, id, wait);
        return new RateLimited(what, wait);
    }
}
