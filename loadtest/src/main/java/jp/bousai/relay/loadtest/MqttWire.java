package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MQTT 3.1.1 client on a Vert.x socket, enough to measure with: connect (clean session,
 * no keep-alive), subscribe to one filter at QoS 0 or 1 and acknowledge each QoS 1 PUBLISH, or publish at QoS 1
 * and wait for PUBACK. Thousands of them share the event loops, where a Paho client would hold
 * three threads each.
 */
final class MqttWire {

    private final NetSocket socket;
    private Buffer pending = Buffer.buffer();
    /** Set from the publisher's thread, read on the socket's loop. */
    private volatile Handler<Packet> handler = packet -> { };
    private int nextPacketId = 1;
    private volatile boolean closed;
    /** Publishes awaiting their PUBACK, by packet id; publishers may call from any thread. */
    private final java.util.Map<Integer, Promise<Void>> awaitingAck = new java.util.concurrent.ConcurrentHashMap<>();

    /** One packet: its first byte and the rest after the remaining length. */
    record Packet(int type, int flags, Buffer body) {
    }

    private MqttWire(NetSocket socket) {
        this.socket = socket;
        socket.handler(this::read);
        socket.closeHandler(v -> {
            closed = true;
            awaitingAck.values().forEach(waiting -> waiting.tryFail("the broker closed the connection"));
            awaitingAck.clear();
        });
    }

    static Future<MqttWire> connect(NetClient client, String host, int port, String clientId) {
        return client.connect(port, host).compose(socket -> {
            MqttWire wire = new MqttWire(socket);
            Promise<MqttWire> connected = Promise.promise();
            wire.handler = packet -> {
                if (packet.type() == 2 && packet.body().getByte(1) == 0) {
                    connected.tryComplete(wire);
                } else {
                    connected.tryFail("CONNACK refused: " + packet);
                }
            };
            Buffer variable = Buffer.buffer().appendShort((short) 4).appendString("MQTT").appendByte((byte) 4)
                    .appendByte((byte) 0x02).appendShort((short) 0);
            wire.send(0x10, variable.appendBuffer(string(clientId)));
            return connected.future();
        });
    }

    /**
     * Subscribes at {@code qos} (0 or 1); {@code onPayload} gets each message's payload and its
     * receipt time.
     */
    Future<Void> subscribe(String filter, int qos, PayloadHandler onPayload) {
        Promise<Void> subscribed = Promise.promise();
        handler = packet -> {
            if (packet.type() == 9) {
                subscribed.tryComplete();
            } else if (packet.type() == 3) {
                long now = System.nanoTime();
                Buffer body = packet.body();
                int topicLength = body.getUnsignedShort(0);
                int offset = 2 + topicLength;
                int messageQos = (packet.flags() >> 1) & 3;
                if (messageQos > 0) {
                    int id = body.getUnsignedShort(offset);
                    offset += 2;
                    send(0x40, Buffer.buffer().appendShort((short) id));
                }
                onPayload.received(body.slice(offset, body.length()), now);
            }
        };
        Buffer payload = Buffer.buffer().appendShort((short) packetId()).appendBuffer(string(filter)).appendByte((byte) qos);
        send(0x82, payload);
        return subscribed.future();
    }

    /** Publishes at QoS 1 and completes on its PUBACK; several may be outstanding, from any thread. */
    Future<Void> publish(String topic, byte[] payload) {
        if (closed) {
            return Future.failedFuture("the broker closed the connection");
        }
        Promise<Void> acknowledged = Promise.promise();
        int id = packetId();
        awaitingAck.put(id, acknowledged);
        handler = this::acknowledged;
        send(0x32, string(topic).appendShort((short) id).appendBytes(payload));
        return acknowledged.future();
    }

    boolean isClosed() {
        return closed;
    }

    private void acknowledged(Packet packet) {
        if (packet.type() == 4) {
            Promise<Void> waiting = awaitingAck.remove(packet.body().getUnsignedShort(0));
            if (waiting != null) {
                waiting.tryComplete();
            }
        }
    }

    Future<Void> close() {
        return socket.close();
    }

    /** What a subscriber does with a message. */
    @FunctionalInterface
    interface PayloadHandler {
        void received(Buffer payload, long receivedNanos);
    }

    private synchronized int packetId() {
        int id = nextPacketId;
        nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
        return id;
    }

    private void send(int firstByte, Buffer body) {
        Buffer packet = Buffer.buffer(body.length() + 5).appendByte((byte) firstByte);
        int length = body.length();
        do {
            int digit = length % 128;
            length /= 128;
            packet.appendByte((byte) (length > 0 ? digit | 0x80 : digit));
        } while (length > 0);
        socket.write(packet.appendBuffer(body));
    }

    private void read(Buffer chunk) {
        pending = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
        int position = 0;
        while (true) {
            if (pending.length() - position < 2) {
                break;
            }
            int multiplier = 1;
            int length = 0;
            int index = position + 1;
            boolean complete = false;
            while (index < pending.length() && index < position + 5) {
                int digit = pending.getUnsignedByte(index++);
                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
                if ((digit & 0x80) == 0) {
                    complete = true;
                    break;
                }
            }
            if (!complete || pending.length() - index < length) {
                break;
            }
            int first = pending.getUnsignedByte(position);
            handler.handle(new Packet(first >> 4, first & 0x0F, pending.getBuffer(index, index + length)));
            position = index + length;
        }
        pending = position == pending.length() ? Buffer.buffer() : pending.getBuffer(position, pending.length());
    }

    private static Buffer string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer(bytes.length + 2).appendShort((short) bytes.length).appendBytes(bytes);
    }
}
