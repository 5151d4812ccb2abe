package jp.bousai.relay.adapters.commons;

import java.util.Map;
import jp.bousai.relay.adapters.xml.DomElements;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.Sender;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.validation.FieldErrors;
import org.w3c.dom.Element;

/**
 * The Report's {@code Control}: who publishes ({@code PublishingOffice/OfficeInfo}) and whether
 * it is real ({@code Status}, {@code distributionStatus}), checked against the EDXL envelope and
 * against the authenticated sender.
 */
final class CommonsControl {

    static final String CONTROL = CommonsMapper.CONTENT + "/xmlContent/embeddedXMLContent/Report/Control";
    /** PCXML's {@code Control/Status} words, and the EDXL {@code distributionStatus} each means. */
    private static final Map<String, Mode> STATUS_WORDS = Map.of("通常", Mode.ACTUAL, "訓練", Mode.EXERCISE,
            "試験", Mode.TEST);

    private CommonsControl() {
    }

    /** Adds an error for each of Control's statuses that contradicts the envelope's {@code mode}. */
    static void checkMode(CommonsEnvelope message, Mode envelope, FieldErrors errors) {
        if (envelope == null) {
            return;
        }
        String distributionStatus = message.controlDistributionStatus();
        if (distributionStatus != null && !distributionStatus.equals(envelope.wireName())) {
            errors.add(CONTROL + "/distributionStatus", contradiction(distributionStatus, envelope));
        }
        String status = message.control("Status");
        if (status == null) {
            return;
        }
        Mode meant = STATUS_WORDS.containsKey(status) ? STATUS_WORDS.get(status)
                : WireNamed.find(Mode.class, status).orElse(null);
        if (meant == null) {
            errors.add(CONTROL + "/Status", "must be 通常, 訓練 or 試験 (or an EDXL distributionStatus), got '"
                    + status + "'");
        } else if (meant != envelope) {
            errors.add(CONTROL + "/Status", contradiction(status + " (" + meant.wireName() + ")", envelope));
        }
    }

    private static String contradiction(String control, Mode envelope) {
        return "the Report's Control says " + control + " but EDXLDistribution/distributionStatus says "
                + envelope.wireName() + "; they must agree (a drill must never be taken for real, nor the other "
                + "way round)";
    }

    /** The sender named by {@code PublishingOffice/OfficeInfo}, else by {@code publishingOfficeName}. */
    static Sender sender(CommonsEnvelope message) {
        Element office = message.publishingOfficeInfo();
        String code = DomElements.text(office, "OrganizationCode", CommonsEnvelope.ANY_COMMONS);
        String name = CommonsMapper.first(DomElements.text(office, "OrganizationName", CommonsEnvelope.ANY_COMMONS),
                message.content("publishingOfficeName"));
        String officeName = DomElements.text(office, "OfficeName", CommonsEnvelope.ANY_COMMONS);
        JisCode jis = code != null && JisCode.problemWith(code) == null ? JisCode.parse(code) : null;
        return name == null && officeName == null && jis == null ? null : new Sender(jis, name, officeName);
    }

    /** The element path of the publishing office's {@code leaf}, as this message nests it. */
    static String officePath(CommonsEnvelope message, String leaf) {
        return CONTROL + "/PublishingOffice" + (message.officeInfoNested() ? "/OfficeInfo/" : "/") + leaf;
    }

    /**
     * Checks {@code OrganizationCode} against the authenticated {@code issuer}: its own code, or one
     * within its scope (a prefecture publishing for a municipality), is taken and the advisory is
     * issued as the issuer; any other, or one that is not a JIS X 0402 code, is an error at the
     * element (and the code is dropped so that the answer names the element).
     */
    static Advisory checkIssuer(CommonsEnvelope message, Advisory advisory, Issuer issuer, FieldErrors errors) {
        String code = DomElements.text(message.publishingOfficeInfo(), "OrganizationCode", CommonsEnvelope.ANY_COMMONS);
        Sender sender = advisory.sender();
        if (code == null) {
            return advisory;
        }
        String path = officePath(message, "OrganizationCode");
        String problem = code.matches("\\d{5}") ? null : JisCode.problemWith(code);
        JisCode named = problem != null ? null : code.length() == 5 ? JisCode.fromFiveDigits(code) : JisCode.parse(code);
        if (named == null) {
            errors.add(path, problem);
        } else if (!named.equals(issuer.sender()) && !issuer.mayIssueFor(named)) {
            errors.add(path, "organisation " + named + " is neither this credential's sender (" + issuer.sender()
                    + ") nor within its scope");
        }
        return advisory.withSender(sender == null ? null : new Sender(null, sender.name(), sender.office()));
    }
}
