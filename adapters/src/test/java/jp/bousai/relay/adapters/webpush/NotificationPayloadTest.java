package jp.bousai.relay.adapters.webpush;

import static jp.bousai.relay.adapters.webpush.PushAdvisories.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.Mode;
import org.junit.jupiter.api.Test;

class NotificationPayloadTest {

    private static final URI PAGE = URI.create("https://bousai.example.jp/areas/131016");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void carriesWhatANotificationShowsInJapanese() throws Exception {
        byte[] payload = NotificationPayload.of(order(EvacuationLevel.LEVEL_4, IssueStatus.ISSUED,
                "直ちに避難してください。"), PAGE, Aes128gcm.MAX_PLAINTEXT_BYTES);

        JsonNode node = json.readTree(payload);
        assertThat(node.get("title").asText()).isEqualTo("【警戒レベル4】避難指示 千代田区");
        assertThat(node.get("body").asText()).isEqualTo("避難指示を発令\n直ちに避難してください。");
        assertThat(node.get("level").asInt()).isEqualTo(4);
        assertThat(node.get("status").asText()).isEqualTo("issued");
        assertThat(node.get("category").asText()).isEqualTo("EvacuationOrder");
        assertThat(node.get("mode").asText()).isEqualTo("Actual");
        assertThat(node.get("documentId").asText()).isEqualTo("doc-0d6f2c84");
        assertThat(node.get("revision").asInt()).isEqualTo(2);
        assertThat(node.get("reportTime").asText()).isEqualTo("2026-09-01T10:00:00+09:00");
        assertThat(node.get("url").asText()).isEqualTo(PAGE.toString());
    }

    @Test
    void marksLiftingsAndDrills() throws Exception {
        JsonNode lifted = json.readTree(NotificationPayload.of(order(EvacuationLevel.LEVEL_4, IssueStatus.LIFTED, null),
                PAGE, 4000));
        JsonNode drill = json.readTree(NotificationPayload.of(PushAdvisories.withMode(
                order(EvacuationLevel.LEVEL_5, IssueStatus.ISSUED, null), Mode.EXERCISE), PAGE, 4000));

        assertThat(lifted.get("title").asText()).isEqualTo("【解除】避難指示 千代田区");
        assertThat(lifted.get("status").asText()).isEqualTo("lifted");
        assertThat(lifted.get("level").isNull()).isTrue();
        assertThat(drill.get("title").asText()).startsWith("【訓練】【警戒レベル5】");
    }

    /** 3-byte kanji and 4-byte emoji (surrogate pairs): the cut never splits one, and the result fits. */
    @Test
    void longTextIsCutOnACodePointBoundaryToFitOnePushMessage() throws Exception {
        String text = "土砂災害の危険🏠が高まっています。".repeat(400);

        byte[] payload = NotificationPayload.of(order(EvacuationLevel.LEVEL_5, IssueStatus.ISSUED, text), PAGE,
                Aes128gcm.MAX_PLAINTEXT_BYTES);

        assertThat(payload.length).isLessThanOrEqualTo(Aes128gcm.MAX_PLAINTEXT_BYTES)
                .isGreaterThan(Aes128gcm.MAX_PLAINTEXT_BYTES - 8);
        String body = json.readTree(payload).get("body").asText();
        assertThat(body).endsWith(NotificationPayload.ELLIPSIS);
        assertThat(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(body.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        String kept = body.substring(0, body.length() - 1);
        assertThat(("緊急安全確保を発令\n" + text).startsWith(kept)).as("the body is a prefix of the text").isTrue();

        KeyPair browser = P256.generate(new SecureRandom());
        byte[] encrypted = new Aes128gcm(new SecureRandom()).encrypt(payload, (ECPublicKey) browser.getPublic(),
                new byte[16], 0);
        assertThat(encrypted.length).isLessThanOrEqualTo(Aes128gcm.MAX_BODY_BYTES);
    }

    @Test
    void truncationCountsCodePoints() {
        assertThat(NotificationPayload.truncate("a🏠b", 3)).isEqualTo("a🏠b");
        assertThat(NotificationPayload.truncate("a🏠bc", 3)).isEqualTo("a🏠…");
        assertThat(NotificationPayload.truncate("🏠🏠🏠", 2)).isEqualTo("🏠…");
        assertThat(NotificationPayload.truncate("abc", 0)).isEmpty();
    }
}
