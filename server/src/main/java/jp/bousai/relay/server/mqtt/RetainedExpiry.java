package jp.bousai.relay.server.mqtt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.bousai.relay.adapters.mqtt.MqttChannel;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.lifecycle.Lifecycle;
import jp.bousai.relay.core.log.AdvisoryLog;
import jp.bousai.relay.core.log.CurrentAdvisory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the retained MQTT state of documents whose validity has ended (by the server's clock), so
 * that a subscriber who connects later does not see an expired order as current. Every
 * {@link #EVERY} it clears what expired since the last successful sweep; after a start it looks
 * back {@link #LOOK_BACK}, covering a server that was down when documents expired. Its timer
 * runs on the context it is started on; stopping waits for a sweep under way (at most
 * {@link #STOP_GRACE}).
 */
public final class RetainedExpiry implements Lifecycle {

    public static final Duration EVERY = Duration.ofSeconds(30);
    public static final Duration LOOK_BACK = Duration.ofDays(1);
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(RetainedExpiry.class);

    private final Vertx vertx;
    private final AdvisoryLog log;
    private final MqttChannel channel;
    private final Clock clock;
    private Instant sweptUntil;
    private long timer = -1;
    /** The sweep under way, if any (a completed future otherwise). */
    private volatile Future<Integer> sweeping = Future.succeededFuture(0);

    public RetainedExpiry(Vertx vertx, AdvisoryLog log, MqttChannel channel, Clock clock) {
        this.vertx = vertx;
        this.log = log;
        this.channel = channel;
        this.clock = clock;
        this.sweptUntil = clock.instant().minus(LOOK_BACK);
    }

    @Override
    public String name() {
        return "mqtt:retained-expiry";
    }

    @Override
    public Future<Void> start() {
        timer = vertx.setPeriodic(EVERY.toMillis(), id -> sweep());
        return Future.succeededFuture();
    }

    /** Sweeps no more; completes when the sweep under way has. */
    @Override
    public Future<Void> stop() {
        vertx.cancelTimer(timer);
        return sweeping.<Void>mapEmpty().timeout(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .otherwiseEmpty();
    }

    /** Clears what expired since the last sweep; the number of (document, area) topics cleared. */
    public Future<Integer> sweep() {
        Instant now = clock.instant();
        Future<Integer> sweep = log.expiredBetween(sweptUntil, now).compose(expired -> {
            List<Future<Void>> cleared = new ArrayList<>();
            for (CurrentAdvisory document : expired) {
                var advisory = document.record().advisory();
                for (JisCode area : advisory.areaCodes()) {
                    cleared.add(channel.clearRetained(advisory.mode(), area, advisory.category(),
                            advisory.documentId()));
                }
            }
            return Future.all(cleared).map(all -> {
                sweptUntil = now;
                return cleared.size();
            });
        }).onFailure(e -> LOG.debug("[channel: mqtt] expiry sweep failed, retried next time: {}", e.toString()));
        sweeping = sweep;
        return sweep;
    }
}
