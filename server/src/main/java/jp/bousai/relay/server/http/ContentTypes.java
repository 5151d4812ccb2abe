package jp.bousai.relay.server.http;

import java.util.Locale;

/**
 * The charset parameter of a request's Content-Type, read as RFC 9110 (section 8.3) writes it:
 * {@code type/subtype *( OWS ";" OWS name=value )}, parameter names case-insensitive, values a
 * token or a quoted string; the charset value is case-insensitive. Bodies are read as UTF-8
 * only, so any other charset is refused.
 */
final class ContentTypes {

    private ContentTypes() {
    }

    /** The media type without parameters, in lower case; empty for a missing header. */
    static String mediaType(String header) {
        return header == null ? "" : header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Why the header's charset cannot be accepted, or null when it is UTF-8 or absent (XML bodies
     * then say their encoding in their declaration; JSON is UTF-8 by RFC 8259).
     */
    static String charsetProblem(String header) {
        if (header == null) {
            return null;
        }
        String charset = charset(header);
        if (charset == null || charset.equalsIgnoreCase("utf-8")) {
            return null;
        }
        return "only UTF-8 is accepted: the Content-Type's charset must be utf-8 (or be left out), got '"
                + charset + "' in '" + header + "'";
    }

    /** The charset parameter's value, unquoted, or null when there is none. */
    static String charset(String header) {
        int at = header.indexOf(';');
        while (at >= 0 && at < header.length()) {
            int equals = header.indexOf('=', at);
            if (equals < 0) {
                return null;
            }
            String name = header.substring(at + 1, equals).trim();
            int valueStart = equals + 1;
            while (valueStart < header.length() && (header.charAt(valueStart) == ' ' || header.charAt(valueStart) == '\t')) {
                valueStart++;
            }
            String value;
            int next;
            if (valueStart < header.length() && header.charAt(valueStart) == '"') {
                StringBuilder quoted = new StringBuilder();
                int i = valueStart + 1;
                while (i < header.length() && header.charAt(i) != '"') {
                    if (header.charAt(i) == '\\' && i + 1 < header.length()) {
                        i++;
                    }
                    quoted.append(header.charAt(i++));
                }
                value = quoted.toString();
                next = header.indexOf(';', i);
            } else {
                next = header.indexOf(';', valueStart);
                value = header.substring(valueStart, next < 0 ? header.length() : next).trim();
            }
            if (name.equalsIgnoreCase("charset")) {
                return value;
            }
            at = next;
        }
        return null;
    }
}
