package jp.bousai.relay.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.bousai.relay.core.TestAdvisories;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.Geometry;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.problem.FieldError;
import org.junit.jupiter.api.Test;

class AdvisoryRulesTest {

    private static List<FieldError> errorsOf(Advisory advisory) {
        FieldErrors errors = new FieldErrors();
        AdvisoryRules.check(advisory, errors);
        return errors.list();
    }

    @Test
    void acceptsAValidOrder() {
        assertThat(errorsOf(TestAdvisories.evacuationOrder())).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleAtOnceWithPointers() {
        Advisory valid = TestAdvisories.evacuationOrder();
        var badSubArea = new SubArea("", "12345", JisCode.parse("271004"),
                new Geometry.Polygon(List.of(new Geometry.LatLon(35, 139), new Geometry.LatLon(35.1, 139),
                        new Geometry.LatLon(35.1, 139.1), new Geometry.LatLon(35, 139.2))));
        var detail = new EvacuationBody.Detail(null, null, IssueStatus.ISSUED, null, -1, null, List.of(badSubArea));
        Advisory broken = new Advisory("has space", "", 0, valid.type(), valid.mode(), valid.category(),
                valid.sender(), valid.areas(), valid.reportTime(), null, valid.reportTime().minusHours(1), null,
                valid.headline(), null, new EvacuationBody(List.of(detail)));

        assertThat(errorsOf(broken)).extracting(FieldError::pointer).containsExactly(
                "/distributionId", "/documentId", "/revision", "/validUntil",
                "/evacuation/details/0/level", "/evacuation/details/0/households",
                "/evacuation/details/0/subAreas/0/name", "/evacuation/details/0/subAreas/0/code",
                "/evacuation/details/0/subAreas/0/municipality", "/evacuation/details/0/subAreas/0/polygon");
    }

    @Test
    void onlyACancelMayLeaveOutTheBody() {
        Advisory valid = TestAdvisories.evacuationOrder();
        Advisory update = new Advisory("d2", "doc-1", 2, MessageType.UPDATE, valid.mode(), valid.category(),
                valid.sender(), valid.areas(), valid.reportTime(), null, null, null, valid.headline(), null, null);
        assertThat(errorsOf(update)).containsExactly(new FieldError("/evacuation",
                "required for category EvacuationOrder (only a Cancel may leave it out)"));
        Advisory cancel = new Advisory("d2", "doc-1", 2, MessageType.CANCEL, valid.mode(), valid.category(),
                valid.sender(), valid.areas(), valid.reportTime(), null, null, null, valid.headline(), null, null);
        assertThat(errorsOf(cancel)).isEmpty();
    }

    @Test
    void refusesABodyOfAnotherCategory() {
        Advisory valid = TestAdvisories.evacuationOrder();
        Advisory mixed = new Advisory("d2", "doc-1", 1, MessageType.REPORT, valid.mode(), valid.category(),
                valid.sender(), valid.areas(), valid.reportTime(), null, null, null, valid.headline(), null,
                new NoticeBody("https://example.jp/"));
        assertThat(errorsOf(mixed)).extracting(FieldError::pointer).containsExactly("/evacuation");
    }
}
