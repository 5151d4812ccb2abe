package jp.bousai.relay.server.http.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Open connections per client address, shared by every event loop; an address at 0 is dropped. */
final class ConnectionCounts {

    private final int maxPerAddress;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    ConnectionCounts(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts a new connection from {@code address}; false (and not counted) when it is over the cap. */
    boolean tryOpen(String address) {
        boolean[] admitted = {false};
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerAddress) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    void closed(String address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    int open(String address) {
        return open.getOrDefault(address, 0);
    }
}
