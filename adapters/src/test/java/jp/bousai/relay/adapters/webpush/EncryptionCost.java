package jp.bousai.relay.adapters.webpush;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;

/**
 * The CPU cost of one Web Push message on one thread: the whole {@link PushMessages#message}
 * (P-256 key generation, ECDH, HKDF, AES-GCM, the cached VAPID header) and its parts. A timed loop
 * in a main method, not a test: run it by hand (see docs/webpush.md) and read thread CPU time,
 * which a busy machine distorts less than wall time.
 *
 * <p>Arguments: messages to measure (default 20000), warm-up messages (default 5000).
 */
public final class EncryptionCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EncryptionCost() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        PushMessages messages = new PushMessages(new Aes128gcm(random),
                new VapidTokens(VapidKeys.generate(random), VapidOptions.withSubject("mailto:ops@example.jp"), clock),
                PushTtl.defaults(), clock);
        PushNotice notice = messages.notice(PushAdvisories.order(EvacuationLevel.LEVEL_4, IssueStatus.ISSUED,
                "土砂災害の危険が高まっています。直ちに安全な場所へ避難してください。"),
                URI.create("https://bousai.example.jp/areas/131016"));
        KeyPair browser = P256.generate(random);
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        PushSubscription subscription = new PushSubscription(URI.create("https://push.example.net/wpush/abc"),
                (ECPublicKey) browser.getPublic(), auth);

        Runnable whole = () -> messages.message(notice, subscription);
        Runnable keyGeneration = () -> P256.generate(random);
        Runnable encryptionOnly = () -> new Aes128gcm(random).encrypt(notice.payload(), subscription.userAgentKey(),
                auth, 0);
        run("warm-up", whole, warmUp);
        run("warm-up", keyGeneration, warmUp);
        System.out.printf("payload %d bytes, body %d bytes, %s%n", notice.payload().length,
                messages.message(notice, subscription).body().length, System.getProperty("java.vm.version"));
        run("PushMessages.message (all)", whole, count);
        run("Aes128gcm.encrypt", encryptionOnly, count);
        run("P-256 key generation", keyGeneration, count);
    }

    private static void run(String name, Runnable work, int count) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < count; i++) {
            work.run();
        }
        double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / count;
        double wallMicros = (System.nanoTime() - wallStart) / 1000.0 / count;
        if (!name.equals("warm-up")) {
            System.out.printf("%-28s %8.1f us CPU/message  %8.1f us wall/message  (%d messages)%n", name, cpuMicros,
                    wallMicros, count);
        }
    }
}
