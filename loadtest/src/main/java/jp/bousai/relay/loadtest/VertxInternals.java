package jp.bousai.relay.loadtest;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.buffer.BufferInternal;

/**
 * Every use of Vert.x internals in the load generator, so that a Vert.x upgrade that moves them
 * breaks here only. The generator needs them to cost every target the same and as little as it
 * can: event-loop contexts of its own to spread tens of thousands of subscribers over, and the
 * bytes under a buffer to find an event's document id without decoding or copying it.
 */
final class VertxInternals {

    private VertxInternals() {
    }

    /** A new event-loop context (the public API only gives the caller's own). */
    static Context eventLoopContext(Vertx vertx) {
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    /** The Netty buffer under {@code buffer}, read in place. */
    static ByteBuf byteBuf(Buffer buffer) {
        return ((BufferInternal) buffer).getByteBuf();
    }
}
