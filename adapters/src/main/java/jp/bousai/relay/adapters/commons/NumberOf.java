package jp.bousai.relay.adapters.commons;

import jp.bousai.relay.adapters.xml.DomElements;
import jp.bousai.relay.core.validation.FieldErrors;
import org.w3c.dom.Element;

/** The {@code HeadCount} and {@code Households} counts of an {@code Object} or {@code NumberOf} element. */
record NumberOf(Integer headCount, Integer households) {

    static NumberOf of(Element element, String path, FieldErrors errors) {
        if (element == null) {
            return new NumberOf(null, null);
        }
        return new NumberOf(
                count(DomElements.text(element, "HeadCount", CommonsNs::isCommons), path + "/HeadCount", errors),
                count(DomElements.text(element, "Households", CommonsNs::isCommons), path + "/Households", errors));
    }

    /** A whole number ≥ 0 from text; null when absent; an error when not a number. */
    static Integer count(String text, String path, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        if (!text.matches("\\d{1,9}")) {
            errors.add(path, "must be a whole number, got '" + text + "'");
            return null;
        }
        return Integer.parseInt(text);
    }
}
