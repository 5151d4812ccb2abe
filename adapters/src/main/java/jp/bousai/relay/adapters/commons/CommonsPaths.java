package jp.bousai.relay.adapters.commons;

import static jp.bousai.relay.adapters.xml.DomElements.child;
import static jp.bousai.relay.adapters.xml.DomElements.children;
import static jp.bousai.relay.adapters.xml.DomElements.text;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import org.w3c.dom.Element;

/**
 * Names the L-Alert element behind a field of the advisory, so that an L-Alert sender is told of
 * the rules' errors (which point into the JSON representation) in terms of its own message:
 * {@code /evacuation/details/0/subAreas/1/name} becomes
 * {@code EDXLDistribution/contentObject/.../EvacuationOrder/Detail/Areas/Area[2]/Location/areaName}.
 * Indexed parts are mapped by walking the message as the decoder does; a field without an element
 * of its own is named by its nearest mapped parent, never by its JSON pointer.
 */
public final class CommonsPaths {

    private static final Predicate<String> ANY = CommonsNs::isCommons;
    private static final String REPORT = CommonsMapper.CONTENT + "/xmlContent/embeddedXMLContent/Report";
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("level", "Level"), Map.entry("status", "IssueOrLift"), Map.entry("households", "Object/Households"),
            Map.entry("people", "Object/HeadCount"), Map.entry("subAreas", "Areas"), Map.entry("name", "areaName"),
            Map.entry("code", "ooAzaTyouTyouMokuCode"), Map.entry("municipality", "jisX0402"),
            Map.entry("circle", "circle"), Map.entry("polygon", "polygon"), Map.entry("details", "Detail"));
    private static final Map<String, String> SHELTER_FIELDS = Map.of("name", "Location/areaName",
            "address", "Location/Address", "kind", "Type", "status", "Sort", "capacity", "Capacity",
            "headCount", "NumberOf/HeadCount", "households", "NumberOf/Households", "municipality", "Location/jisX0402",
            "location", "Location/circle");
    private static final Map<String, String> OTHER_FIELDS = Map.of("group", "Kind", "item", "Item", "count", "Count",
            "unit", "Count", "kind", "Type", "status", "Status", "url", "URL", "name", "Name",
            "description", "Description");

    private final Map<String, String> byPointer = new LinkedHashMap<>();

    private CommonsPaths() {
    }

    /** The element paths of {@code distribution}'s parts. */
    public static CommonsPaths of(Element distribution) {
        CommonsPaths paths = new CommonsPaths();
        CommonsEnvelope message = CommonsEnvelope.of(distribution);
        String root = CommonsMapper.ROOT;
        paths.put("/distributionId", root + "/distributionID");
        paths.put("/type", root + "/distributionType");
        paths.put("/mode", root + "/distributionStatus");
        paths.put("/documentId", CommonsMapper.CONTENT + "/documentID");
        paths.put("/revision", CommonsMapper.CONTENT + "/documentRevision");
        paths.put("/category", CommonsMapper.CONTENT + "/category");
        paths.put("/sender", CommonsControl.officePath(message, "OrganizationCode"));
        paths.put("/reportTime", CommonsMapper.HEAD + "/ReportDateTime");
        paths.put("/targetTime", CommonsMapper.HEAD + "/TargetDateTime");
        paths.put("/validUntil", CommonsMapper.HEAD + "/ValidDateTime");
        paths.put("/headline", CommonsMapper.HEAD + "/Title");
        paths.put("/text", CommonsMapper.HEAD + "/Headline/Text");
        paths.put("/areas", root + "/targetArea");
        Set<String> seen = new HashSet<>();
        int area = 0;
        List<Element> targetAreas = message.targetAreas();
        for (int i = 0; i < targetAreas.size(); i++) {
            String code = text(targetAreas.get(i), "jisX0402", CommonsEnvelope.COMMONS);
            if (code != null && seen.add(code)) {
                paths.put("/areas/" + area++, root + "/targetArea" + index(i) + "/jisX0402");
            }
        }
        paths.body(message.body());
        return paths;
    }

    private void body(Element body) {
        if (body == null) {
            return;
        }
        String at = REPORT + "/" + body.getLocalName();
        put("/disaster", at + "/Disaster/DisasterName");
        for (String field : List.of("/evacuation", "/headquarters", "/damage", "/notice", "/event")) {
            put(field, at);
        }
        List<Element> details = children(body, "Detail", ANY);
        for (int i = 0; i < details.size(); i++) {
            String detail = at + "/Detail" + index(i);
            put("/evacuation/details/" + i, detail);
            put("/damage/" + i, detail);
            int subArea = 0;
            List<Element> areas = children(child(details.get(i), "Areas", ANY), "Area", ANY);
            for (int j = 0; j < areas.size(); j++) {
                if (child(areas.get(j), "Location", ANY) != null) {
                    put("/evacuation/details/" + i + "/subAreas/" + subArea++, detail + "/Areas/Area" + index(j)
                            + "/Location");
                }
            }
        }
        Element container = child(body, "Informations", ANY);
        List<Element> shelters = children(container != null ? container : body, "Information", ANY);
        put("/shelters", at + (container != null ? "/Informations" : ""));
        for (int i = 0; i < shelters.size(); i++) {
            put("/shelters/" + i, at + (container != null ? "/Informations" : "") + "/Information" + index(i));
        }
    }

    private void put(String pointer, String path) {
        byPointer.put(pointer, path);
    }

    private static String index(int i) {
        return i == 0 ? "" : "[" + (i + 1) + "]";
    }

    /** The element path for {@code pointer}; a path that is not a JSON pointer is returned as it is. */
    public String elementPath(String pointer) {
        if (!pointer.startsWith("/")) {
            return pointer;
        }
        String prefix = pointer;
        while (!byPointer.containsKey(prefix)) {
            int cut = prefix.lastIndexOf('/');
            if (cut <= 0) {
                return CommonsMapper.ROOT;
            }
            prefix = prefix.substring(0, cut);
        }
        String base = byPointer.get(prefix);
        String rest = pointer.substring(prefix.length());
        if (rest.isEmpty()) {
            return base;
        }
        String field = rest.substring(1).split("/")[0];
        Map<String, String> fields = prefix.startsWith("/shelters") ? SHELTER_FIELDS
                : prefix.startsWith("/evacuation") ? FIELDS : OTHER_FIELDS;
        String element = fields.get(field);
        return element == null ? base : base + "/" + element;
    }

    /** {@code problem} with every field error's pointer replaced by its element path. */
    public ProblemException translate(ProblemException problem) {
        if (problem.errors().isEmpty()) {
            return problem;
        }
        List<FieldError> errors = problem.errors().stream()
                .map(error -> new FieldError(elementPath(error.pointer()), error.detail())).toList();
        return problem.type() == ProblemType.INVALID ? ProblemException.invalid(errors)
                : new ProblemException(problem.type(), problem.detail(), errors);
    }
}
