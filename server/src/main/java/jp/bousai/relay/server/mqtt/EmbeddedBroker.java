package jp.bousai.relay.server.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.bousai.relay.server.config.MqttConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MQTT broker (HiveMQ Community Edition): MQTT 3.1.1 and 5 over TCP and over
 * WebSocket ({@code /mqtt}), with file persistence under {@code data.dir/mqtt-broker}, so that
 * retained state and queued messages survive a restart. Only the relay's own publisher, with a
 * {@link PublisherCredential} drawn at start, may publish (and only under the topic prefix);
 * everyone else is a read-only subscriber (see {@link BrokerAuthenticator} and
 * {@link BrokerAuthorizer}).
 */
public final class EmbeddedBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ broker;
    private final PublisherCredential publisher;

    private EmbeddedBroker(EmbeddedHiveMQ broker, PublisherCredential publisher) {
        this.broker = broker;
        this.publisher = publisher;
    }

    /** The credential the relay's publisher connects with (held in memory only). */
    public PublisherCredential publisher() {
        return publisher;
    }

    /** Writes the broker's configuration and starts it, off the event loop. */
    public static Future<EmbeddedBroker> start(Vertx vertx, MqttConfig config, Path dataDir) {
        return vertx.executeBlocking(() -> {
            Path home = dataDir.resolve("mqtt-broker");
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), configXml(config), StandardCharsets.UTF_8);
            PublisherCredential publisher = PublisherCredential.generate(config.clientId());
            EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder().withoutLoggingBootstrap().withConfigurationFolder(conf)
                    .withDataFolder(home.resolve("data")).withExtensionsFolder(home.resolve("extensions"))
                    .withEmbeddedExtension(BrokerSecurity.extension(
                            new BrokerAuthenticator(publisher, config.subscriberAccounts(), config.anonymousSubscribers()),
                            new BrokerAuthorizer(config.topicPrefix()), config.topicPrefix()))
                    .build();
            broker.start().join();
            LOG.info("[mqtt: embedded] broker listening on {}:{} (WebSocket {}/mqtt); only the relay publishes, "
                    + "under {}/; subscribers: {}{}", config.embeddedHost(), config.embeddedPort(),
                    config.embeddedWebsocketPort(), config.topicPrefix(),
                    config.anonymousSubscribers() ? "anonymous and " : "",
                    config.subscriberAccounts().usernames().size() + " account(s)");
            return new EmbeddedBroker(broker, publisher);
        }, false);
    }

    public Future<Void> stop(Vertx vertx) {
        return vertx.executeBlocking(() -> {
            broker.stop().join();
            broker.close();
            return null;
        }, false);
    }

    static String configXml(MqttConfig config) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                    <websocket-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                      <path>/mqtt</path>
                      <name>websocket</name>
                      <subprotocols>
                        <subprotocol>mqttv3.1</subprotocol>
                        <subprotocol>mqtt</subprotocol>
                      </subprotocols>
                      <allow-extensions>true</allow-extensions>
                    </websocket-listener>
                  </listeners>
                  <persistence>
                    <mode>file</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(config.embeddedPort(), config.embeddedHost(), config.embeddedWebsocketPort(),
                config.embeddedHost());
    }
}
