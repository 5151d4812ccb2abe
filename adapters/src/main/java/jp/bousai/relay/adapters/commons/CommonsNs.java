package jp.bousai.relay.adapters.commons;

import java.util.regex.Pattern;

/**
 * The namespaces of L-Alert (公共情報コモンズ) messages, matched by URI and never by prefix (the
 * hub re-serialises messages with generated prefixes such as {@code pcx_cns_i19}). PCXML
 * namespaces come in two generations, {@code .../pcxml1/...3} and {@code .../pcxml1/...4}; both
 * are accepted, with or without a trailing slash.
 */
final class CommonsNs {

    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE = "http://soap.publiccommons.ne.jp/";
    static final String EDXL = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";
    static final String COMMONS = "http://xml.publiccommons.ne.jp/xml/edxl/";
    private static final String PCXML = "http://xml.publiccommons.ne.jp/pcxml1/";
    private static final Pattern REPORT = Pattern.compile(Pattern.quote(PCXML) + "[34]/?");
    private static final Pattern INFORMATION_BASIS = Pattern.compile(Pattern.quote(PCXML) + "informationBasis[34]/?");
    private static final Pattern ELEMENT_BASIS = Pattern.compile(Pattern.quote(PCXML) + "elementBasis[34]/?");
    private static final Pattern BODY = Pattern.compile(Pattern.quote(PCXML) + "body/[A-Za-z]+[34]/?");

    private CommonsNs() {
    }

    static boolean isReport(String uri) {
        return uri != null && REPORT.matcher(uri).matches();
    }

    static boolean isInformationBasis(String uri) {
        return uri != null && INFORMATION_BASIS.matcher(uri).matches();
    }

    static boolean isBody(String uri) {
        return uri != null && BODY.matcher(uri).matches();
    }

    /** Any namespace of the PCXML family (report, bases, bodies) or the Commons EDXL extensions. */
    static boolean isCommons(String uri) {
        return uri != null && (uri.equals(COMMONS) || REPORT.matcher(uri).matches()
                || INFORMATION_BASIS.matcher(uri).matches() || ELEMENT_BASIS.matcher(uri).matches()
                || BODY.matcher(uri).matches());
    }
}
