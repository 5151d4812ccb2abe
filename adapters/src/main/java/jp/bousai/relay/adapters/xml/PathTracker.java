package jp.bousai.relay.adapters.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes SAX events through while keeping the path of the current element and the document
 * locator, and refuses documents nested deeper than a bound. A path names each element with its
 * position among same-named siblings from the second on: {@code /alert/info/area[2]} is the second
 * area of the first info.
 */
public final class PathTracker extends XMLFilterImpl {

    private final int maxDepth;
    private final Deque<String> path = new ArrayDeque<>();
    private final Deque<Map<String, Integer>> siblingCounts = new ArrayDeque<>();
    private Locator locator;

    public PathTracker(ContentHandler next, int maxDepth) {
        this.maxDepth = maxDepth;
        setContentHandler(next);
        siblingCounts.push(new HashMap<>());
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        super.setDocumentLocator(locator);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (path.size() >= maxDepth) {
            throw new SAXException("elements are nested deeper than " + maxDepth + " levels");
        }
        int index = siblingCounts.peek().merge(localName, 1, Integer::sum);
        path.addLast(step(localName, index));
        siblingCounts.push(new HashMap<>());
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        path.removeLast();
        siblingCounts.pop();
    }

    /** One step of a path: the name, with its position when it is not the first of that name. */
    public static String step(String name, int position) {
        return position == 1 ? name : name + "[" + position + "]";
    }

    /** The current element's path, e.g. {@code /alert/info/area[2]}; {@code /} before the root. */
    String currentPath() {
        return path.isEmpty() ? "/" : "/" + String.join("/", new ArrayList<>(path));
    }

    /** "line L, column C" of the parser's position, or empty before parsing started. */
    String position() {
        return locator == null ? "" : "line " + locator.getLineNumber() + ", column " + locator.getColumnNumber();
    }
}
