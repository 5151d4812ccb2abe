package jp.bousai.relay.adapters.webpush;

import java.time.OffsetDateTime;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.Sender;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.JisCode;

/** Advisories as the Web Push tests need them: an evacuation order of a level, a lifting, a notice. */
final class PushAdvisories {

    static final JisCode CHIYODA = JisCode.parse("131016");
    static final OffsetDateTime REPORTED = OffsetDateTime.parse("2026-09-01T10:00:00+09:00");

    private PushAdvisories() {
    }

    static Advisory order(EvacuationLevel level, IssueStatus status, String text) {
        EvacuationBody body = new EvacuationBody(List.of(
                new EvacuationBody.Detail(level, null, status, REPORTED, null, null, List.of())));
        return advisory(MessageType.REPORT, Mode.ACTUAL, Category.EVACUATION_ORDER, body,
                level.label() + "を" + status.label(), text);
    }

    static Advisory notice(String text) {
        return advisory(MessageType.REPORT, Mode.ACTUAL, Category.GENERAL_INFORMATION, new NoticeBody(null),
                "お知らせ", text);
    }

    static Advisory advisory(MessageType type, Mode mode, Category category, AdvisoryBody body, String headline,
                             String text) {
        return new Advisory("dist-1", "doc-0d6f2c84", 2, type, mode, category,
                new Sender(CHIYODA, "千代田区", "防災課"), List.of(new TargetArea(CHIYODA, "千代田区")),
                REPORTED, null, null, null, LocalizedText.japanese(headline),
                text == null ? null : LocalizedText.japanese(text), body);
    }

    static Advisory withValidUntil(Advisory a, OffsetDateTime validUntil) {
        return new Advisory(a.distributionId(), a.documentId(), a.revision(), a.type(), a.mode(), a.category(),
                a.sender(), a.areas(), a.reportTime(), a.targetTime(), validUntil, a.disaster(), a.headline(),
                a.text(), a.body());
    }

    static Advisory withMode(Advisory a, Mode mode) {
        return new Advisory(a.distributionId(), a.documentId(), a.revision(), a.type(), mode, a.category(),
                a.sender(), a.areas(), a.reportTime(), a.targetTime(), a.validUntil(), a.disaster(), a.headline(),
                a.text(), a.body());
    }
}
