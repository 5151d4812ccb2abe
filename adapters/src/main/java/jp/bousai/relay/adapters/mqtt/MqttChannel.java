package jp.bousai.relay.adapters.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.bousai.relay.adapters.outbound.OutboundRenderer;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.channel.Backoff;
import jp.bousai.relay.core.channel.Channel;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.EarlierRevision;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every version to MQTT through a broker, with the Eclipse Paho MQTT 5 client: one
 * QoS 1 message per target area on the document's own topic ({@link MqttTopics}), its payload the
 * version in the configured format ({@link MqttOptions#payload()}: JSON or CAP 1.2), retained so that a subscriber who connects
 * mid-disaster sees every document in force at once. A Cancel is published to live subscribers
 * and then clears the document's retained state (an empty retained message). A delivery succeeds only once the broker
 * has acknowledged every message (PUBACK); while the broker is unreachable it fails, and the
 * outbox keeps the version for a retry. Connects in the background and reconnects with backoff
 * ({@link Backoff#MQTT_CONNECT}).
 */
public final class MqttChannel implements Channel {

    public static final String NAME = "mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttChannel.class);
    /** Retrying the first connection; Paho's own reconnection uses its bounds (in whole seconds). */
    private static final Backoff CONNECT = Backoff.MQTT_CONNECT;

    private final Vertx vertx;
    private final MqttOptions options;
    private final Clock clock;
    private final OutboundRenderer renderer;
    private final AtomicBoolean connected = new AtomicBoolean();
    /** Publishes waiting for their PUBACK; failed at once when the connection is lost. */
    private final java.util.Set<Promise<Void>> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private MqttAsyncClient client;
    private int connectAttempts;

    /** @param renderer renders the payloads in {@link MqttOptions#payload()} */
    public MqttChannel(Vertx vertx, MqttOptions options, Clock clock, OutboundRenderer renderer) {
        this.vertx = vertx;
        this.options = options;
        this.clock = clock;
        this.renderer = renderer;
    }

    /**
     * Publishes pipelined on the one connection, which keeps their order (below the receive maximum
     * of common brokers: HiveMQ's 10, mosquitto's 20).
     */
    @Override
    public int maxInFlight() {
        return 8;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether the broker connection is up now. */
    public boolean isConnected() {
        return connected.get();
    }

    @Override
    public Future<Void> start() {
        return vertx.<Void>executeBlocking(() -> {
            client = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
            client.setCallback(new ConnectionCallback());
            return null;
        }, false).onSuccess(v -> connect());
    }

    private void connect() {
        if (stopped) {
            return;
        }
        MqttConnectionOptions connection = new MqttConnectionOptions();
        connection.setCleanStart(true);
        connection.setAutomaticReconnect(true);
        connection.setAutomaticReconnectDelay((int) Math.max(1, CONNECT.initial().toSeconds()),
                (int) CONNECT.max().toSeconds());
        connection.setConnectionTimeout(10);
        connection.setKeepAliveInterval(30);
        if (options.username() != null) {
            connection.setUserName(options.username());
        }
        if (options.password() != null) {
            connection.setPassword(options.password().getBytes(StandardCharsets.UTF_8));
        }
        if (options.tls() != null) {
            connection.setSocketFactory(options.tls().socketFactory());
        }
        connection.setHttpsHostnameVerificationEnabled(true);
        try {
            client.connect(connection, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    connectAttempts = 0;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    retryConnect(cause);
                }
            });
        } catch (MqttException e) {
            retryConnect(e);
        }
    }

    /** Paho reconnects by itself once connected; the first connection is retried here. */
    private void retryConnect(Throwable cause) {
        long delay = CONNECT.delayAfter(++connectAttempts).toMillis();
        LOG.warn("[channel: mqtt, broker: {}] cannot connect ({}); retrying in {} ms", options.serverUri(), cause.toString(),
                delay);
        vertx.setTimer(delay, id -> connect());
    }

    @Override
    public Future<Void> stop() {
        stopped = true;
        if (client == null) {
            return Future.succeededFuture();
        }
        return vertx.<Void>executeBlocking(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnect(5_000).waitForCompletion(5_000);
                }
            } catch (MqttException e) {
                LOG.debug("[channel: mqtt] disconnect: {}", e.toString());
            }
            client.close(true);
            return null;
        }, false);
    }

    @Override
    public Future<Void> deliver(AdvisoryRecord record) {
        Advisory advisory = record.advisory();
        if (client == null || !client.isConnected()) {
            return Future.failedFuture(new IllegalStateException("the MQTT broker " + options.serverUri()
                    + " is not connected"));
        }
        Context context = vertx.getOrCreateContext();
        byte[] payload = renderer.render(options.payload(), record, null).getBytes(StandardCharsets.UTF_8);
        List<Future<Void>> acknowledged = new ArrayList<>();
        for (String left : topicsLeftBehind(record)) {
            acknowledged.add(publish(context, left, new byte[0], true, new MqttProperties()));
        }
        for (JisCode area : advisory.areaCodes()) {
            String topic = MqttTopics.topic(options.topicPrefix(), advisory.mode(), area, advisory.category(),
                    advisory.documentId());
            if (advisory.type() == MessageType.CANCEL) {
                acknowledged.add(publish(context, topic, payload, false, properties(record))
                        .compose(v -> publish(context, topic, new byte[0], true, new MqttProperties())));
            } else {
                acknowledged.add(publish(context, topic, payload, true, properties(record)));
            }
        }
        return Future.all(acknowledged).mapEmpty();
    }

    /**
     * The document's retained topics of its previous revision that this one does not publish to
     * (an area dropped, or the category or mode changed): cleared, so that a late subscriber is
     * not shown a superseded revision as the state of an area it no longer covers.
     */
    private Set<String> topicsLeftBehind(AdvisoryRecord record) {
        if (record.earlier().isEmpty()) {
            return Set.of();
        }
        EarlierRevision previous = record.earlier().get(record.earlier().size() - 1);
        if (previous.mode() == null || previous.category() == null) {
            return Set.of();
        }
        Advisory advisory = record.advisory();
        Set<String> left = new LinkedHashSet<>();
        for (JisCode area : previous.areas()) {
            left.add(MqttTopics.topic(options.topicPrefix(), previous.mode(), area, previous.category(),
                    advisory.documentId()));
        }
        for (JisCode area : advisory.areaCodes()) {
            left.remove(MqttTopics.topic(options.topicPrefix(), advisory.mode(), area, advisory.category(),
                    advisory.documentId()));
        }
        return left;
    }

    /**
     * Clears the retained state of one document in one area (an empty retained message), e.g. when
     * the document expires.
     */
    public Future<Void> clearRetained(Mode mode, JisCode area, Category category, String documentId) {
        if (client == null || !client.isConnected()) {
            return Future.failedFuture(new IllegalStateException("the MQTT broker is not connected"));
        }
        return publish(vertx.getOrCreateContext(), MqttTopics.topic(options.topicPrefix(), mode, area, category,
                documentId), new byte[0], true, new MqttProperties());
    }

    private MqttProperties properties(AdvisoryRecord record) {
        Advisory advisory = record.advisory();
        MqttProperties properties = new MqttProperties();
        properties.setContentType(options.payload().mediaType());
        if (advisory.validUntil() != null) {
            long seconds = Duration.between(clock.instant(), advisory.validUntil().toInstant()).toSeconds();
            properties.setMessageExpiryInterval(Math.max(1, seconds));
        }
        List<UserProperty> user = new ArrayList<>(List.of(
                new UserProperty("seq", Long.toString(record.seq())),
                new UserProperty("documentId", advisory.documentId()),
                new UserProperty("revision", Integer.toString(advisory.revision())),
                new UserProperty("type", advisory.type().wireName())));
        if (advisory.body() instanceof EvacuationBody evacuation && evacuation.highestIssuedLevel() != null) {
            user.add(new UserProperty("level", Integer.toString(evacuation.highestIssuedLevel().number())));
        }
        properties.setUserProperties(user);
        return properties;
    }

    private Future<Void> publish(Context context, String topic, byte[] payload, boolean retained,
                                 MqttProperties properties) {
        Promise<Void> promise = Promise.promise();
        inFlight.add(promise);
        promise.future().onComplete(done -> inFlight.remove(promise));
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        message.setProperties(properties);
        try {
            client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    context.runOnContext(v -> promise.tryComplete());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    context.runOnContext(v -> promise.tryFail(cause));
                }
            });
        } catch (MqttException e) {
            promise.tryFail(e);
        }
        return promise.future();
    }

    /** Keeps {@link #isConnected()} current. */
    private final class ConnectionCallback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            connected.set(false);
            IllegalStateException lost = new IllegalStateException("the connection to the MQTT broker was lost");
            for (Promise<Void> pending : List.copyOf(inFlight)) {
                pending.tryFail(lost);
            }
            LOG.warn("[channel: mqtt, broker: {}] connection lost: {}", options.serverUri(), response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("[channel: mqtt] error: {}", exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            connected.set(true);
            LOG.info("[channel: mqtt, broker: {}] {}", serverUri, reconnect ? "reconnected" : "connected");
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
