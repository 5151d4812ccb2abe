package jp.bousai.relay.adapters.commons;

import jp.bousai.relay.adapters.xml.DomElements;
import static jp.bousai.relay.adapters.xml.DomElements.child;
import static jp.bousai.relay.adapters.xml.DomElements.children;
import static jp.bousai.relay.adapters.xml.DomElements.text;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.IssueStatus;
import jp.bousai.relay.core.advisory.SubArea;
import jp.bousai.relay.core.validation.FieldErrors;
import org.w3c.dom.Element;

/**
 * The {@code EvacuationOrder} body: one detail per {@code Detail}, its level from {@code Sort}
 * (2021 or legacy labels; a {@code Level} of 3, 4 or 5, as this server writes it, takes
 * precedence), {@code IssueOrLift} 発令 or 解除, counts from {@code Object}, and its areas as
 * sub-areas (an {@code Area} without a {@code Location} carries only the time).
 */
final class CommonsEvacuation {

    private static final Predicate<String> ANY = CommonsNs::isCommons;

    private CommonsEvacuation() {
    }

    static EvacuationBody read(Element body, String at, FieldErrors errors) {
        List<EvacuationBody.Detail> details = new ArrayList<>();
        List<Element> elements = children(body, "Detail", ANY);
        for (int i = 0; i < elements.size(); i++) {
            details.add(detail(elements.get(i), at + "/Detail" + (i == 0 ? "" : "[" + (i + 1) + "]"), errors));
        }
        return new EvacuationBody(details);
    }

    private static EvacuationBody.Detail detail(Element detail, String path, FieldErrors errors) {
        String sort = text(detail, "Sort", ANY);
        String level = text(detail, "Level", ANY);
        EvacuationLevel byLevel = level != null && level.matches("[345]")
                ? EvacuationLevel.ofNumber(Integer.parseInt(level)).orElse(null) : null;
        EvacuationLevel bySort = EvacuationLevel.ofLabel(sort).orElse(null);
        if (level != null && byLevel == null) {
            errors.add(path + "/Level", "must be 3, 4 or 5, got '" + level + "'");
        }
        if (sort != null && bySort == null) {
            errors.add(path + "/Sort", "'" + sort + "' is not an evacuation level; use 高齢者等避難, 避難指示 or 緊急安全確保 "
                    + "(legacy labels such as 避難勧告 are mapped)");
        } else if (byLevel != null && bySort != null && byLevel != bySort) {
            errors.add(path + "/Sort", "'" + sort + "' is level " + bySort.number() + " but Level says " + level);
        }
        if (sort == null && level == null) {
            errors.add(path + "/Sort", "required");
        }
        String issueOrLift = text(detail, "IssueOrLift", ANY);
        IssueStatus status = "発令".equals(issueOrLift) ? IssueStatus.ISSUED
                : "解除".equals(issueOrLift) ? IssueStatus.LIFTED : null;
        if (status == null) {
            errors.add(path + "/IssueOrLift", "must be 発令 or 解除, got '" + issueOrLift + "'");
        }
        NumberOf counts = NumberOf.of(child(detail, "Object", ANY), path + "/Object", errors);
        List<SubArea> subAreas = new ArrayList<>();
        OffsetDateTime time = null;
        List<Element> areas = children(child(detail, "Areas", ANY), "Area", ANY);
        for (int i = 0; i < areas.size(); i++) {
            String areaPath = path + "/Areas/Area" + (i == 0 ? "" : "[" + (i + 1) + "]");
            Element area = areas.get(i);
            Element location = child(area, "Location", ANY);
            if (location != null) {
                subAreas.add(CommonsBodies.subArea(location, areaPath + "/Location", errors));
            }
            OffsetDateTime areaTime = CommonsTimes.parse(text(area, "DateTime", ANY), areaPath + "/DateTime", errors);
            time = time == null ? areaTime : time;
        }
        EvacuationLevel chosen = byLevel != null ? byLevel : bySort;
        String legacy = EvacuationLevel.isLegacyLabel(sort) ? sort : null;
        return new EvacuationBody.Detail(chosen, legacy, status, time, counts.households(), counts.headCount(), subAreas);
    }
}
