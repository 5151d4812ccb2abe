package jp.bousai.relay.adapters.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;
import org.w3c.dom.Document;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Parses untrusted XML into a namespace-aware DOM in one pass, optionally validating it against a
 * schema. Refuses what can hurt a server: any DOCTYPE (so no entity expansion and no external
 * entities), external access of any kind, nesting deeper than {@link #MAX_DEPTH}, and any
 * encoding but UTF-8 (invalid UTF-8 included). Every refusal names the line and column; schema
 * errors also name the element's path. Blocking: call off the event loop.
 */
public final class SafeXml {

    public static final int MAX_DEPTH = 64;
    /** Schema errors listed at most; more are summarised. */
    public static final int MAX_ERRORS = 50;

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");
    private static final SAXParserFactory PARSERS = parserFactory();
    private static final SAXTransformerFactory TRANSFORMERS = transformerFactory();

    private SafeXml() {
    }

    /** Parses without a schema. */
    public static Document parse(byte[] body) {
        return parse(body, null);
    }

    /**
     * Parses and, when {@code schema} is given, validates.
     *
     * @throws ProblemException {@code MALFORMED} when the body is not acceptable XML (with line and
     *         column); {@code INVALID} listing every schema error (path, line, column, message)
     */
    public static Document parse(byte[] body, Schema schema) {
        requireUtf8(body);
        DOMResult result = new DOMResult();
        SchemaErrors schemaErrors = new SchemaErrors();
        PathTracker tracker;
        try {
            TransformerHandler domBuilder = TRANSFORMERS.newTransformerHandler();
            domBuilder.setResult(result);
            ContentHandler first;
            if (schema == null) {
                tracker = new PathTracker(domBuilder, MAX_DEPTH);
                first = tracker;
            } else {
                ValidatorHandler validator = schema.newValidatorHandler();
                tracker = new PathTracker(domBuilder, MAX_DEPTH);
                validator.setContentHandler(tracker);
                validator.setErrorHandler(schemaErrors.reportingAt(tracker));
                first = validator;
            }
            XMLReader reader = PARSERS.newSAXParser().getXMLReader();
            reader.setContentHandler(first);
            reader.setErrorHandler(FAIL_ON_ERRORS);
            InputSource input = new InputSource(new ByteArrayInputStream(body));
            input.setEncoding("UTF-8");
            reader.parse(input);
        } catch (SAXParseException e) {
            throw new ProblemException(ProblemType.MALFORMED, "the body is not acceptable XML: line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + explain(e.getMessage()));
        } catch (SAXException e) {
            throw new ProblemException(ProblemType.MALFORMED, "the body is not acceptable XML: " + explain(e.getMessage()));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED, "the body is not acceptable XML: " + explain(e.getMessage()));
        } catch (ParserConfigurationException | TransformerConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be set up safely", e);
        }
        if (!schemaErrors.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID, schemaErrors.summary(), schemaErrors.list());
        }
        return (Document) result.getNode();
    }

    /**
     * Parses a body that {@link #parse} has already accepted into a standard DOM, as XML
     * signature canonicalisation expects it (namespace declarations as attributes). The same
     * refusals apply; call it only for bodies that passed {@link #parse}.
     */
    public static Document parseStandardDom(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERRORS);
            InputSource input = new InputSource(new ByteArrayInputStream(body));
            input.setEncoding("UTF-8");
            return builder.parse(input);
        } catch (SAXException | IOException e) {
            throw new ProblemException(ProblemType.MALFORMED, "the body is not acceptable XML: " + explain(e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be set up safely", e);
        }
    }

    private static void requireUtf8(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(start);
        if (declared.find() && !declared.group(1).toUpperCase(Locale.ROOT).matches("UTF-?8")) {
            throw new ProblemException(ProblemType.MALFORMED, "only UTF-8 is accepted; the XML declaration says "
                    + declared.group(1));
        }
    }

    /** Turns the parser's wording into what a sender can act on. */
    private static String explain(String message) {
        if (message == null) {
            return "unreadable";
        }
        if (message.contains("DOCTYPE")) {
            return "a DOCTYPE (DTD) is not accepted: entity declarations and external entities are refused";
        }
        if (message.contains("UTF-8") || message.contains("byte")) {
            return "the body is not valid UTF-8 (" + message + ")";
        }
        return message;
    }

    private static final ErrorHandler FAIL_ON_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private static SAXParserFactory parserFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be set up safely", e);
        }
    }

    private static SAXTransformerFactory transformerFactory() {
        SAXTransformerFactory factory = (SAXTransformerFactory) SAXTransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }

    /** Collects schema errors with where they are, up to {@link #MAX_ERRORS}. */
    private static final class SchemaErrors {
        private final java.util.ArrayList<FieldError> errors = new java.util.ArrayList<>();
        private int count;

        ErrorHandler reportingAt(PathTracker tracker) {
            return new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                }

                @Override
                public void error(SAXParseException exception) {
                    add(tracker, exception);
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            };
        }

        private void add(PathTracker tracker, SAXParseException exception) {
            count++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(new FieldError(tracker.currentPath(), "line " + exception.getLineNumber() + ", column "
                        + exception.getColumnNumber() + ": " + exception.getMessage()));
            }
        }

        boolean isEmpty() {
            return errors.isEmpty();
        }

        List<FieldError> list() {
            return List.copyOf(errors);
        }

        String summary() {
            FieldError first = errors.get(0);
            return "the XML does not match its schema: " + count + " error" + (count > 1 ? "s" : "") + ", first at "
                    + first.pointer() + ", " + first.detail();
        }
    }
}
