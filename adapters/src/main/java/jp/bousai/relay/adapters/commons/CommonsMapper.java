package jp.bousai.relay.adapters.commons;

import jp.bousai.relay.adapters.xml.DomElements;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.TargetArea;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.validation.FieldErrors;
import org.w3c.dom.Element;

/**
 * Maps an L-Alert message onto the advisory model (the table is in {@code docs/formats.md}).
 * Pointers name the element: {@code EDXLDistribution/contentObject/documentRevision}.
 */
final class CommonsMapper {

    static final String ROOT = "EDXLDistribution";
    static final String CONTENT = ROOT + "/contentObject";
    static final String HEAD = CONTENT + "/xmlContent/embeddedXMLContent/Report/Head";

    private CommonsMapper() {
    }

    static Advisory map(CommonsEnvelope message, FieldErrors errors) {
        if (message.contentObject() == null) {
            errors.add(CONTENT, "required (Commons namespace " + CommonsNs.COMMONS + ")");
        } else if (message.report() == null) {
            errors.add(CONTENT + "/xmlContent/embeddedXMLContent/Report", "required: a PCXML Report in namespace "
                    + "http://xml.publiccommons.ne.jp/pcxml1/3 or /4");
        }
        Mode mode = mode(message, errors);
        Category category = lookup(Category.class, message.content("category"), CONTENT + "/category", errors);
        MessageType type = lookup(MessageType.class, message.edxl("distributionType"), ROOT + "/distributionType",
                errors);
        OffsetDateTime reportTime = CommonsTimes.parse(first(message.head("ReportDateTime"),
                message.edxl("dateTimeSent")), HEAD + "/ReportDateTime", errors);
        String title = first(message.head("Title"), message.control("Title"));
        String headlineText = DomElements.text(DomElements.child(message.head(), "Headline", CommonsNs::isInformationBasis),
                "Text", CommonsNs::isInformationBasis);
        AdvisoryBody body = type == MessageType.CANCEL || category == null ? null
                : CommonsBodies.read(category, message.body(), errors);
        return new Advisory(message.edxl("distributionID"), message.content("documentID"),
                revision(message.content("documentRevision"), errors), type, mode, category, CommonsControl.sender(message),
                areas(message, errors), reportTime,
                CommonsTimes.parse(message.head("TargetDateTime"), HEAD + "/TargetDateTime", errors),
                CommonsTimes.parse(message.head("ValidDateTime"), HEAD + "/ValidDateTime", errors),
                CommonsBodies.disaster(message.body()),
                title == null ? null : LocalizedText.japanese(title),
                headlineText == null ? null : LocalizedText.japanese(headlineText), body);
    }

    /** The envelope's distributionStatus, which the Report's Control must not contradict. */
    private static Mode mode(CommonsEnvelope message, FieldErrors errors) {
        Mode envelope = lookup(Mode.class, message.edxl("distributionStatus"), ROOT + "/distributionStatus", errors);
        CommonsControl.checkMode(message, envelope, errors);
        return envelope;
    }

    private static int revision(String text, FieldErrors errors) {
        if (text == null) {
            errors.add(CONTENT + "/documentRevision", "required");
            return 0;
        }
        if (!text.matches("\\d{1,9}")) {
            errors.add(CONTENT + "/documentRevision", "must be a whole number, got '" + text + "'");
            return 0;
        }
        return Integer.parseInt(text);
    }

    private static List<TargetArea> areas(CommonsEnvelope message, FieldErrors errors) {
        Set<JisCode> seen = new LinkedHashSet<>();
        List<TargetArea> areas = new ArrayList<>();
        for (int i = 0; i < message.targetAreas().size(); i++) {
            Element area = message.targetAreas().get(i);
            String path = ROOT + "/targetArea" + (i == 0 ? "" : "[" + (i + 1) + "]") + "/jisX0402";
            JisCode code = CommonsBodies.jisCode(DomElements.text(area, "jisX0402", CommonsEnvelope.COMMONS), path, errors);
            if (code != null && seen.add(code)) {
                areas.add(new TargetArea(code, DomElements.text(area, "areaName", CommonsEnvelope.COMMONS)));
            }
        }
        return areas;
    }

    static <E extends Enum<E> & WireNamed> E lookup(Class<E> type, String text, String path, FieldErrors errors) {
        if (text == null) {
            errors.add(path, "required");
            return null;
        }
        E found = WireNamed.find(type, text).orElse(null);
        if (found == null) {
            errors.add(path, "must be one of " + WireNamed.list(type) + ", got '" + text + "'");
        }
        return found;
    }

    static String first(String a, String b) {
        return a != null ? a : b;
    }
}
