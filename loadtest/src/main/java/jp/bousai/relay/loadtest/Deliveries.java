package jp.bousai.relay.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one channel's subscribers received: the end-to-end latency of every delivery (from the
 * moment the advisory was sent to the moment a subscriber had its bytes), and per subscriber which
 * advisories arrived, to count losses (an advisory its interest wants that never came) and
 * duplicates. The latency is also kept second by second, for the plot over time.
 */
final class Deliveries {


    /** One second of the run: the latency percentiles of the deliveries in it. */
    record Second(double atSeconds, long count, double p50Ms, double p99Ms, double maxMs) {
    }

    private final String channel;
    private final Issuer issuer;
    /** What precedes the index in the documentId of this run's advisories ({@code lt-RUN-INDEX}). */
    private final ByteBuf documentPrefix;
    private final int warmup;
    private final List<Interest> interests;
    private final BitSet[] seen;
    private final Recorder latency = new Recorder(3_600_000_000_000L, 3);
    private final Histogram total = new Histogram(3_600_000_000_000L, 3);
    private final List<Second> timeline = new java.util.ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    /** @param warmup advisories issued first whose latency is not recorded (still counted for losses) */
    Deliveries(String channel, Issuer issuer, int warmup, List<Interest> interests) {
        this.channel = channel;
        this.issuer = issuer;
        this.documentPrefix = Unpooled.copiedBuffer("\"documentId\":\"" + Payloads.documentIdPrefix(issuer.run()),
                StandardCharsets.US_ASCII);
        this.warmup = warmup;
        this.interests = interests;
        this.seen = new BitSet[interests.size()];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = new BitSet();
        }
    }

    String channel() {
        return channel;
    }

    int subscribers() {
        return interests.size();
    }

    List<Interest> interests() {
        return interests;
    }

    /**
     * Records one received event of {@code subscriber}, found in {@code bytes} from {@code from} to
     * {@code to}; ignores events not issued by this run. Reads bytes, not text: the generator must
     * cost every target the same, and as little as it can.
     */
    void received(int subscriber, Buffer bytes, int from, int to, long nowNanos) {
        ByteBuf buf = VertxInternals.byteBuf(bytes);
        int at = ByteBufUtil.indexOf(documentPrefix, buf.slice(from, to - from));
        if (at < 0) {
            return;
        }
        int index = 0;
        for (int i = from + at + documentPrefix.readableBytes(); i < to; i++) {
            byte digit = buf.getByte(i);
            if (digit < '0' || digit > '9') {
                break;
            }
            index = index * 10 + (digit - '0');
        }
        BitSet mine = seen[subscriber];
        synchronized (mine) {
            if (mine.get(index)) {
                duplicates.incrementAndGet();
                return;
            }
            mine.set(index);
        }
        delivered.incrementAndGet();
        issuer.arrived(index, nowNanos);
        long sent = issuer.sentNanos(index);
        if (sent > 0 && index >= warmup) {
            latency.recordValue(Math.max(0, nowNanos - sent));
        }
    }

    /** Closes the current second of the timeline (called once a second, and at the end). */
    synchronized void tick(double atSeconds) {
        Histogram interval = latency.getIntervalHistogram();
        total.add(interval);
        if (interval.getTotalCount() > 0) {
            timeline.add(new Second(atSeconds, interval.getTotalCount(), interval.getValueAtPercentile(50) / 1e6,
                    interval.getValueAtPercentile(99) / 1e6, interval.getMaxValue() / 1e6));
        }
    }

    synchronized Histogram total() {
        return total;
    }

    synchronized List<Second> timeline() {
        return List.copyOf(timeline);
    }

    long delivered() {
        return delivered.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Deliveries wanted but missing: each subscriber should get every accepted advisory its interest wants. */
    long losses(Set<Integer> accepted) {
        long missing = 0;
        for (int subscriber = 0; subscriber < interests.size(); subscriber++) {
            Interest interest = interests.get(subscriber);
            for (int index : accepted) {
                if (interest.wants(issuer.areaOf(index)) && !seen[subscriber].get(index)) {
                    missing++;
                }
            }
        }
        return missing;
    }
}
