package jp.bousai.relay.adapters.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receivers' answers to {@code publish} as real receivers write them: the code wherever a receiver
 * puts it under {@code publishResponse}, whatever the prefixes.
 */
@Timeout(30)
class CommonsReceiptTest {

    private static CommonsPublish.Answer read(String body) {
        return CommonsPublish.answer(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>" + body
                + "</S:Body></S:Envelope>").getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<ns2:publishResponse xmlns:ns2=\"http://soap.publiccommons.ne.jp/\"><publishResult><response>"
            + "<code>0</code><result>正常終了</result></response></publishResult></ns2:publishResponse>",
        "<publishResponse xmlns=\"http://soap.publiccommons.ne.jp/\"><processResponse><code>0</code>"
            + "<result>正常終了</result></processResponse></publishResponse>",
        "<ns1:publishResponse xmlns:ns1=\"http://soap.publiccommons.ne.jp/\"><return><code>0</code>"
            + "<message>正常終了</message></return></ns1:publishResponse>",
        "<publishResponse><publishResult><code> 0 </code><result>正常終了</result></publishResult></publishResponse>"})
    void readsCodeZeroWhereverTheReceiverPutsIt(String body) {
        CommonsPublish.Answer answer = read(body);
        assertThat(answer.accepted()).isTrue();
        assertThat(answer.result()).isEqualTo("正常終了");
    }

    @Test
    void readsARefusalCodeWithItsReason() {
        CommonsPublish.Answer answer = read("<ns2:publishResponse xmlns:ns2=\"http://soap.publiccommons.ne.jp/\">"
                + "<publishResult><response><code>402</code><result>スキーマ不正</result></response></publishResult>"
                + "</ns2:publishResponse>");
        assertThat(answer.code()).isEqualTo(402);
        assertThat(answer.accepted()).isFalse();
        assertThat(answer.result()).isEqualTo("スキーマ不正");
    }

    @Test
    void anAnswerWithoutACodeUnderPublishResponseIsNotAReceipt() {
        assertThatThrownBy(() -> read("<publishResponse><publishResult><status>OK</status></publishResult>"
                + "</publishResponse>")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no result code under publishResponse");
        assertThatThrownBy(() -> read("<otherResponse><code>0</code></otherResponse>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("otherResponse");
    }
}
