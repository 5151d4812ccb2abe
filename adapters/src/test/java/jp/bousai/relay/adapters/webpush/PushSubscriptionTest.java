package jp.bousai.relay.adapters.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;

class PushSubscriptionTest {

    private final String p256dh = Base64Url.encode(P256.encode((ECPublicKey) P256.generate(new SecureRandom()).getPublic()));
    private final String auth = Base64Url.encode(new byte[16]);

    @Test
    void readsTheBrowsersJsonValues() {
        PushSubscription subscription = PushSubscription.fromBase64Url("https://fcm.googleapis.com/fcm/send/abc", p256dh, auth);

        assertThat(Base64Url.encode(P256.encode(subscription.userAgentKey()))).isEqualTo(p256dh);
        assertThat(subscription.toString()).isEqualTo("PushSubscription[https://fcm.googleapis.com]");
    }

    @Test
    void namesTheFieldAtFault() {
        assertThatThrownBy(() -> PushSubscription.fromBase64Url("not a url", p256dh, auth)).hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> PushSubscription.fromBase64Url("ftp://push.example.net/x", p256dh, auth))
                .hasMessageStartingWith("endpoint:");
        assertThatThrownBy(() -> PushSubscription.fromBase64Url("https://push.example.net/x", auth, auth))
                .hasMessageStartingWith("keys.p256dh:");
        assertThatThrownBy(() -> PushSubscription.fromBase64Url("https://push.example.net/x", p256dh, p256dh))
                .hasMessageStartingWith("keys.auth:");
        assertThatThrownBy(() -> PushSubscription.fromBase64Url("https://push.example.net/x", p256dh, "%%"))
                .hasMessageStartingWith("keys.auth:");
    }
}
