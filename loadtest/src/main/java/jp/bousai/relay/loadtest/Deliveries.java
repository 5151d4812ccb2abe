package jp.bousai.relay.loadtest;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;

/**
 * What one channel's subscribers received: the end-to-end latency of every delivery (from the
 * moment the issuing request was sent to the moment a subscriber parsed the event), and per
 * subscriber which advisories arrived, to count losses and duplicates.
 */
final class Deliveries {

    /** Issued advisories carry documentIds {@code lt-RUN-INDEX}. */
    private static final Pattern DOCUMENT = Pattern.compile("\"documentId\":\"lt-[0-9a-f]+-(\\d+)\"");

    private final String channel;
    private final Issuer issuer;
    private final int warmup;
    private final Recorder latency = new Recorder(3_600_000_000_000L, 3);
    private final Map<Integer, BitSet> seenBySubscriber = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    /** @param warmup advisories issued first whose latency is not recorded (still counted for losses) */
    Deliveries(String channel, Issuer issuer, int warmup) {
        this.channel = channel;
        this.issuer = issuer;
        this.warmup = warmup;
    }

    String channel() {
        return channel;
    }

    /** Records one received event of {@code subscriber}; ignores events not issued by this run. */
    void received(int subscriber, String text, long nowNanos) {
        Matcher matcher = DOCUMENT.matcher(text);
        if (!matcher.find()) {
            return;
        }
        int index = Integer.parseInt(matcher.group(1));
        long sent = issuer.sentNanos(index);
        BitSet seen = seenBySubscriber.computeIfAbsent(subscriber, k -> new BitSet());
        synchronized (seen) {
            if (seen.get(index)) {
                duplicates.incrementAndGet();
                return;
            }
            seen.set(index);
        }
        delivered.incrementAndGet();
        if (sent > 0 && index >= warmup) {
            latency.recordValue(Math.max(0, nowNanos - sent));
        }
    }

    long delivered() {
        return delivered.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Deliveries expected but missing: every subscriber should see every accepted advisory. */
    long losses(int subscribers, java.util.Set<Integer> accepted) {
        long missing = 0;
        for (int subscriber = 0; subscriber < subscribers; subscriber++) {
            BitSet seen = seenBySubscriber.getOrDefault(subscriber, new BitSet());
            for (int index : accepted) {
                if (!seen.get(index)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    Recorder latency() {
        return latency;
    }
}
