package jp.bousai.relay.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.bousai.relay.core.TestAdvisories;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import org.junit.jupiter.api.Test;

class IssuePolicyTest {

    private static final Issuer CHIYODA = Issuer.forSender("demo-chiyoda", JisCode.parse("131016"));
    private static final Issuer TOKYO = Issuer.forSender("demo-tokyo", JisCode.parse("130001"));

    private static Advisory forAreas(String... codes) {
        Advisory order = TestAdvisories.evacuationOrder();
        List<TargetArea> areas = java.util.Arrays.stream(codes).map(c -> new TargetArea(JisCode.parse(c), null)).toList();
        return new Advisory(order.distributionId(), order.documentId(), 1, order.type(), order.mode(),
                order.category(), null, areas, order.reportTime(), null, null, null, order.headline(), null,
                order.body());
    }

    @Test
    void municipalityIssuesForItselfAndGetsItsSenderCode() {
        Advisory authorised = IssuePolicy.authorise(CHIYODA, forAreas("131016"));
        assertThat(authorised.sender().code()).isEqualTo(JisCode.parse("131016"));
    }

    @Test
    void municipalityMayNotIssueForAnother() {
        assertThatThrownBy(() -> IssuePolicy.authorise(CHIYODA, forAreas("131016", "271004")))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.FORBIDDEN))
                .hasMessageContaining("may not issue for 271004");
    }

    @Test
    void prefectureIssuesForItsMunicipalitiesButNotOthers() {
        assertThat(IssuePolicy.authorise(TOKYO, forAreas("131016", "130001")).sender().code().value())
                .isEqualTo("130001");
        assertThatThrownBy(() -> IssuePolicy.authorise(TOKYO, forAreas("271004")))
                .hasMessageContaining("271004");
    }

    @Test
    void refusesAnAdvisoryNamingAnotherSender() {
        assertThatThrownBy(() -> IssuePolicy.authorise(TOKYO, TestAdvisories.evacuationOrder()))
                .hasMessageContaining("issues as sender 130001")
                .hasMessageContaining("names sender 131016");
    }
}
