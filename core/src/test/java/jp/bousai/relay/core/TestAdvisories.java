package jp.bousai.relay.core;

import java.time.OffsetDateTime;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.Sender;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.JisCode;

/** Valid advisories to start tests from. */
public final class TestAdvisories {

    public static final JisCode CHIYODA = JisCode.parse("131016");
    public static final OffsetDateTime REPORTED = OffsetDateTime.parse("2026-09-01T10:00:00+09:00");

    private TestAdvisories() {
    }

    /** A level-4 order by 千代田区 for two sub-areas. */
    public static Advisory evacuationOrder() {
        var detail = new EvacuationBody.Detail(EvacuationLevel.LEVEL_4, null, IssueStatus.ISSUED, REPORTED,
                120, 300, List.of(new SubArea("神田一丁目", null, null, null),
                new SubArea("神田二丁目", "131010002002", CHIYODA, null)));
        return new Advisory("dist-1", "doc-1", 1, MessageType.REPORT, Mode.ACTUAL, Category.EVACUATION_ORDER,
                new Sender(CHIYODA, "千代田区", null), List.of(new TargetArea(CHIYODA, "千代田区")),
                REPORTED, null, REPORTED.plusDays(1), "台風第10号",
                LocalizedText.japanese("千代田区に避難指示"), null, new EvacuationBody(List.of(detail)));
    }
}
