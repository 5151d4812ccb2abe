package jp.bousai.relay.core.area.directory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Loads the area directory once, on first use, on a worker thread, so that an event loop never
 * waits for the few hundred milliseconds reading takes. Callers on an event loop compose on
 * {@link #get()}; everyone shares the same instance afterwards. One per application, made by the
 * composition root.
 */
public final class LazyAreaDirectory {

    private final Vertx vertx;
    private final Supplier<AreaDirectory> loader;
    private Future<AreaDirectory> loaded;

    /** Loads the data packaged with core. */
    public LazyAreaDirectory(Vertx vertx) {
        this(vertx, AreaDirectory::loadBundled);
    }

    public LazyAreaDirectory(Vertx vertx, Supplier<AreaDirectory> loader) {
        this.vertx = vertx;
        this.loader = loader;
    }

    /** The directory, loading it on a worker thread at the first call. */
    public synchronized Future<AreaDirectory> get() {
        if (loaded == null) {
            loaded = vertx.executeBlocking(loader::get, false);
        }
        return loaded;
    }
}
