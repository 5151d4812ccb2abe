package jp.bousai.relay.adapters.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import jp.bousai.relay.core.validation.FieldErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the L-Alert hub really sends, beyond the specification: circles with commas, empty circles,
 * the sender in {@code PublishingOffice/OfficeInfo}, Control's statuses; and what is still refused,
 * each with the element it names.
 */
@Timeout(30)
class CommonsHubTrafficTest {

    private static final String CONTROL = "EDXLDistribution/contentObject/xmlContent/embeddedXMLContent/Report/Control";
    private static final String AREA = "EDXLDistribution/contentObject/xmlContent/embeddedXMLContent/Report/"
            + "EvacuationOrder/Detail/Areas/Area/Location/circle";
    private final CommonsFormat format = new CommonsFormat();

    private static String hub() throws IOException {
        return Files.readString(Path.of("src/test/resources/commons/evacuation-order-lalert-hub-v4.xml"));
    }

    private static String edit(String message, String from, String to) {
        assertThat(message).contains(from);
        return message.replace(from, to);
    }

    private ProblemException refusal(String message) {
        ProblemException problem = FormatChecks.problemOf(format, message.getBytes(StandardCharsets.UTF_8));
        assertThat(problem).as("must be refused").isNotNull();
        return problem;
    }

    @Test
    void refusesACircleThatIsReallyMalformedNamingItsElement() throws IOException {
        for (String bad : List.of("35.691634,east,0", "35.691634,139.756685,0,1", "35.691634,139.756685,-1",
                "95.0,139.756685,0", "35.691634 139.756685 0")) {
            ProblemException problem = refusal(edit(hub(), "35.691634,139.756685,0", bad));
            assertThat(problem.type()).isEqualTo(ProblemType.INVALID);
            assertThat(problem.errors()).singleElement().satisfies(error -> {
                assertThat(error.pointer()).isEqualTo(AREA);
                assertThat(error.detail()).contains("'lat,lon,radius'").contains(bad);
            });
        }
    }

    @Test
    void refusesAnOrganizationCodeThatIsNotTheSendersNamingTheElement() throws IOException {
        String osaka = hub().replace("<pcx_eb:OrganizationCode>131016</pcx_eb:OrganizationCode>",
                "<pcx_eb:OrganizationCode>271004</pcx_eb:OrganizationCode>");
        ProblemException problem = refusal(osaka);
        assertThat(problem.type()).isEqualTo(ProblemType.INVALID);
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo(CONTROL + "/PublishingOffice/OfficeInfo/OrganizationCode");
            assertThat(error.detail()).contains("271004").contains("131016");
        });
        assertThat(refusal(osaka.replace(">271004<", ">13101X<")).errors()).singleElement()
                .satisfies(error -> assertThat(error.pointer()).endsWith("/OfficeInfo/OrganizationCode"));
        String codeOnly = hub().replace("<commons:publishingOfficeName>千代田区</commons:publishingOfficeName>", "")
                .replaceAll("(?s)<pcx:PublishingOffice>.*</pcx:PublishingOffice>", "<pcx:PublishingOffice><pcx_eb:OfficeInfo>"
                        + "<pcx_eb:OrganizationCode>chiyoda</pcx_eb:OrganizationCode></pcx_eb:OfficeInfo></pcx:PublishingOffice>");
        assertThat(refusal(codeOnly).errors()).singleElement()
                .satisfies(error -> assertThat(error.pointer()).endsWith("/PublishingOffice/OfficeInfo/OrganizationCode"));
    }

    @Test
    void aPrefecturePublishesForAMunicipalityInItsScopeAsItself() throws IOException {
        Issuer tokyo = new Issuer("tokyo", JisCode.parse("130001"), List.of(JisCode.parse("130001")));
        FieldErrors errors = new FieldErrors();
        Advisory advisory = IssuePolicy.authorise(tokyo,
                format.decode(hub().getBytes(StandardCharsets.UTF_8), tokyo, errors));
        assertThat(errors.list()).isEmpty();
        assertThat(advisory.sender().code()).isEqualTo(JisCode.parse("130001"));
        assertThat(advisory.sender().name()).isEqualTo("千代田区");
        assertThat(advisory.sender().office()).isEqualTo("防災危機管理課");
    }

    @Test
    void refusesAControlStatusThatContradictsTheEnvelope() throws IOException {
        ProblemException drill = refusal(edit(hub(), "<pcx:Status>通常</pcx:Status>", "<pcx:Status>訓練</pcx:Status>"));
        assertThat(drill.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo(CONTROL + "/Status");
            assertThat(error.detail()).contains("訓練").contains("Actual");
        });
        ProblemException edxl = refusal(edit(hub(), "<edxlde:distributionStatus>Actual</edxlde:distributionStatus>\n"
                + "            <pcx:EditorialOffice>", "<edxlde:distributionStatus>Exercise</edxlde:distributionStatus>\n"
                + "            <pcx:EditorialOffice>"));
        assertThat(edxl.errors()).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEqualTo(CONTROL + "/distributionStatus");
            assertThat(error.detail()).contains("Exercise").contains("must agree");
        });
        assertThat(refusal(edit(hub(), "<pcx:Status>通常</pcx:Status>", "<pcx:Status>たぶん</pcx:Status>")).errors())
                .singleElement().satisfies(error -> assertThat(error.detail()).contains("通常, 訓練 or 試験"));
    }
}
