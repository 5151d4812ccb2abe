package jp.bousai.relay.core.area.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LazyAreaDirectoryTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void loadsOnceOnAWorkerThread() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        AtomicInteger onWorker = new AtomicInteger();
        LazyAreaDirectory lazy = new LazyAreaDirectory(vertx, () -> {
            loads.incrementAndGet();
            if (Context.isOnWorkerThread()) {
                onWorker.incrementAndGet();
            }
            return AreaDirectory.read(tinyData());
        });
        AreaDirectory first = lazy.get().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        AreaDirectory second = lazy.get().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(second).isSameAs(first);
        assertThat(loads).hasValue(1);
        assertThat(onWorker).hasValue(1);
        assertThat(first.resolve("1310160039001")).isInstanceOf(AreaResolution.OfTown.class);
    }

    private static ByteArrayInputStream tinyData() {
        String text = AreaDataReader.FORMAT_LINE + "\n"
                + "M\t131016\tspecial_ward\t千代田区\tチヨダク\t\t\t35694003\t139753634\n"
                + "T\t0039001\tc\t外神田一丁目\tソトカンダ１チョウメ\tm\t35698406\t139770885\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
