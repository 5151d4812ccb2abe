package jp.bousai.relay.server.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;

/** Gets a stalled stream subscriber cut off: posts large advisories until the relay counts a cut-off. */
public final class CutOffs {

    /** Enough posts of about 1 MB to fill any loopback socket buffers many times over. */
    private static final int MAX_POSTS = 80;

    private CutOffs() {
    }

    /** An order of about 1 MB: four details of 4,000 sub-areas each. */
    public static ObjectNode largeOrder() {
        ObjectNode order = Examples.fresh(Examples.ORDER);
        ArrayNode details = order.with("evacuation").putArray("details");
        for (int d = 0; d < 4; d++) {
            ArrayNode subAreas = details.addObject().put("level", 4).put("status", "issued").putArray("subAreas");
            for (int i = 0; i < 4_000; i++) {
                subAreas.addObject().put("name", "神田須田町地区" + d + "-" + i).put("code", String.format("13101%07d", i));
            }
        }
        return order;
    }

    /** Posts until {@code transport} ({@code sse} or {@code ws}) has a cut-off; the number of posts it took. */
    public static Future<Integer> postUntilCutOff(RelayFixture relay, String transport) {
        return postUntilCutOff(relay, transport, 0);
    }

    private static Future<Integer> postUntilCutOff(RelayFixture relay, String transport, int posted) {
        if (posted >= MAX_POSTS) {
            return Future.failedFuture(new AssertionError("no cut-off after " + posted + " large advisories"));
        }
        return relay.issue(largeOrder(), RelayFixture.CHIYODA_KEY)
                .compose(v -> relay.metric("bousai_stream_cutoffs_total{transport=\"" + transport + "\"}"))
                .compose(cutOffs -> cutOffs >= 1 ? Future.succeededFuture(posted + 1)
                        : postUntilCutOff(relay, transport, posted + 1));
    }
}
