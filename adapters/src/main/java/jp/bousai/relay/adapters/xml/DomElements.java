package jp.bousai.relay.adapters.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Finding child elements by local name and namespace URI (never by prefix). */
public final class DomElements {

    private DomElements() {
    }

    /** Child elements named {@code localName} whose namespace URI satisfies {@code namespace}. */
    public static List<Element> children(Element parent, String localName, Predicate<String> namespace) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.test(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first such child, or null. */
    public static Element child(Element parent, String localName, Predicate<String> namespace) {
        List<Element> found = children(parent, localName, namespace);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of the first such child; null when absent or empty. */
    public static String text(Element parent, String localName, Predicate<String> namespace) {
        Element child = child(parent, localName, namespace);
        if (child == null) {
            return null;
        }
        String text = child.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    /** Every child element, whatever its name and namespace. */
    public static List<Element> all(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }
}
