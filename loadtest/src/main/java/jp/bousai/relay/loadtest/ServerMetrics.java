package jp.bousai.relay.loadtest;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** Reads the server's heap use from its Prometheus metrics. */
final class ServerMetrics {

    private ServerMetrics() {
    }

    /** The sum of {@code jvm_memory_used_bytes{area="heap"}} series. */
    static Future<Double> heapUsedBytes(HttpClient http, String host, int port) {
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                        .setURI("/metrics"))
                .compose(request -> request.send())
                .compose(response -> response.body())
                .map(body -> {
                    double heap = 0;
                    for (String line : body.toString().split("\n")) {
                        if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                            heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        }
                    }
                    return heap;
                });
    }
}
