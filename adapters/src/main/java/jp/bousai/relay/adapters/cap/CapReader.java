package jp.bousai.relay.adapters.cap;

import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.adapters.xml.DomElements;
import jp.bousai.relay.adapters.xml.PathTracker;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a schema-valid CAP 1.2 document into a {@link CapAlert}, by namespace URI only. An empty
 * {@code restriction} or {@code addresses} is read as absent.
 */
final class CapReader {

    static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";

    private CapReader() {
    }

    static CapAlert read(Document document) {
        Element alert = document.getDocumentElement();
        List<CapAlert.Info> infos = new ArrayList<>();
        List<Element> infoElements = children(alert, "info");
        for (int i = 0; i < infoElements.size(); i++) {
            infos.add(info(infoElements.get(i), "/alert/" + PathTracker.step("info", i + 1)));
        }
        return new CapAlert(text(alert, "identifier"), text(alert, "sender"), text(alert, "sent"),
                text(alert, "status"), text(alert, "msgType"), text(alert, "scope"), nonEmpty(text(alert, "restriction")),
                nonEmpty(text(alert, "addresses")), text(alert, "references"), text(alert, "incidents"), infos);
    }

    private static CapAlert.Info info(Element info, String path) {
        List<CapAlert.Area> areas = new ArrayList<>();
        List<Element> areaElements = children(info, "area");
        for (int i = 0; i < areaElements.size(); i++) {
            Element area = areaElements.get(i);
            areas.add(new CapAlert.Area(path + "/" + PathTracker.step("area", i + 1), text(area, "areaDesc"),
                    texts(area, "polygon"), texts(area, "circle"), pairs(area, "geocode")));
        }
        return new CapAlert.Info(path, text(info, "language"), text(info, "event"), texts(info, "responseType"),
                text(info, "effective"), text(info, "expires"), text(info, "senderName"), text(info, "headline"),
                text(info, "description"), text(info, "instruction"), text(info, "web"), pairs(info, "parameter"),
                areas);
    }

    private static List<CapAlert.NameValue> pairs(Element parent, String name) {
        List<CapAlert.NameValue> pairs = new ArrayList<>();
        for (Element pair : children(parent, name)) {
            pairs.add(new CapAlert.NameValue(text(pair, "valueName"), text(pair, "value")));
        }
        return pairs;
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }

    /** Empty {@code restriction} and {@code addresses} elements, which producers write, say nothing. */
    private static String nonEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static List<Element> children(Element parent, String localName) {
        return DomElements.children(parent, localName, NS::equals);
    }
}
