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
 * retained state and queued messages survive a restart.
 */
public final class EmbeddedBroker {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ broker;

    private EmbeddedBroker(EmbeddedHiveMQ broker) {
        this.broker = broker;
    }

    /** Writes the broker's configuration and starts it, off the event loop. */
    public static Future<EmbeddedBroker> start(Vertx vertx, MqttConfig config, Path dataDir) {
        return vertx.executeBlocking(() -> {
            Path home = dataDir.resolve("mqtt-broker");
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), configXml(config), StandardCharsets.UTF_8);
            EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder().withoutLoggingBootstrap().withConfigurationFolder(conf)
                    .withDataFolder(home.resolve("data")).withExtensionsFolder(home.resolve("extensions")).build();
            broker.start().join();
            LOG.info("[mqtt: embedded] broker listening on {}:{} (WebSocket {}/mqtt)", config.embeddedHost(),
                    config.embeddedPort(), config.embeddedWebsocketPort());
            return new EmbeddedBroker(broker);
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
