package jp.bousai.relay.adapters.cap;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import jp.bousai.relay.adapters.xml.DomElements;
import jp.bousai.relay.adapters.xml.SafeXml;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.FieldError;
import jp.bousai.relay.core.problem.ProblemException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;

/**
 * Enveloped XML signatures on CAP alerts (the {@code ds:Signature} that may be the last child of
 * {@code alert}). A signature that is present is verified, with Santuario's secure validation;
 * it must sign the whole alert: one reference, {@code URI=""}, with the enveloped-signature
 * transform, so that no part of the alert can be swapped under a valid signature. A sender with a
 * configured certificate must sign, and its signature is checked against that certificate only;
 * for other senders the key in the signature's KeyInfo is used (integrity, not identity: the API
 * key establishes who sent it). SHA-1, in the signature method or a digest, is refused unless
 * allowed ({@code cap.allow-sha1-signatures}).
 */
public final class CapSignatures {

    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String PATH = "/alert/Signature";

    static {
        org.apache.xml.security.Init.init();
    }

    private final Map<String, X509Certificate> requiredByIssuer;
    private final boolean allowSha1;

    /**
     * @param requiredByIssuer the certificate each issuer (by id) must sign with
     * @param allowSha1 whether SHA-1 signature methods and digests are accepted
     */
    public CapSignatures(Map<String, X509Certificate> requiredByIssuer, boolean allowSha1) {
        this.requiredByIssuer = Map.copyOf(requiredByIssuer);
        this.allowSha1 = allowSha1;
    }

    /** Signatures that refuse SHA-1. */
    public CapSignatures(Map<String, X509Certificate> requiredByIssuer) {
        this(requiredByIssuer, false);
    }

    public static CapSignatures none() {
        return new CapSignatures(Map.of());
    }

    /**
     * @param body the alert's bytes, already parsed safely into {@code alert}
     * @throws ProblemException {@code INVALID} when a required signature is missing or any signature fails
     */
    void check(byte[] body, Element alert, Issuer issuer) {
        X509Certificate required = issuer == null ? null : requiredByIssuer.get(issuer.id());
        List<Element> signatures = DomElements.children(alert, "Signature", DSIG::equals);
        if (signatures.isEmpty()) {
            if (required != null) {
                throw refused("sender " + issuer.sender() + " must sign its alerts with an enveloped XML signature "
                        + "(certificate " + required.getSubjectX500Principal().getName() + ")");
            }
            return;
        }
        List<Element> children = DomElements.all(alert);
        if (signatures.size() > 1 || children.get(children.size() - 1) != signatures.get(0)) {
            throw refused("at most one Signature, as the last child of alert");
        }
        try {
            Element standard = DomElements.children(SafeXml.parseStandardDom(body).getDocumentElement(), "Signature",
                    DSIG::equals).get(0);
            XMLSignature signature = new XMLSignature(standard, "", true);
            requireWholeDocument(signature);
            if (!allowSha1) {
                refuseSha1(signature);
            }
            PublicKey key = required != null ? required.getPublicKey() : keyOf(signature.getKeyInfo());
            if (!signature.checkSignatureValue(key)) {
                throw refused("the signature does not verify: the alert was changed after signing, or signed with "
                        + (required != null ? "another key than the sender's certificate" : "another key"));
            }
        } catch (XMLSecurityException e) {
            throw refused("the signature cannot be verified: " + e.getMessage());
        }
    }

    private static void requireWholeDocument(XMLSignature signature) throws XMLSecurityException {
        if (signature.getSignedInfo().getLength() != 1) {
            throw refused("the signature must have exactly one reference, to the whole alert");
        }
        Reference reference = signature.getSignedInfo().item(0);
        Transforms transforms = reference.getTransforms();
        boolean enveloped = false;
        for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
            enveloped |= Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(transforms.item(i).getURI());
        }
        if (!"".equals(reference.getURI()) || !enveloped) {
            throw refused("the signature must sign the whole alert: Reference URI=\"\" with the enveloped-signature "
                    + "transform");
        }
    }

    private static void refuseSha1(XMLSignature signature) throws XMLSecurityException {
        String method = signature.getSignedInfo().getSignatureMethodURI();
        if (isSha1(method)) {
            throw refused("the signature method " + method + " uses SHA-1, which this server does not accept; sign "
                    + "with rsa-sha256 or stronger (" + XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256 + ")");
        }
        String digest = signature.getSignedInfo().item(0).getMessageDigestAlgorithm().getAlgorithmURI();
        if (isSha1(digest)) {
            throw refused("the reference digest " + digest + " is SHA-1, which this server does not accept; digest "
                    + "with SHA-256 or stronger (http://www.w3.org/2001/04/xmlenc#sha256)");
        }
    }

    /** Whether an XML-DSig algorithm URI names SHA-1 (rsa-sha1, dsa-sha1, ecdsa-sha1, hmac-sha1, sha1). */
    private static boolean isSha1(String algorithm) {
        return algorithm != null && algorithm.toLowerCase(java.util.Locale.ROOT).matches(".*[#-]sha1");
    }

    private static PublicKey keyOf(KeyInfo keyInfo) throws XMLSecurityException {
        if (keyInfo != null) {
            X509Certificate certificate = keyInfo.getX509Certificate();
            if (certificate != null) {
                return certificate.getPublicKey();
            }
            PublicKey key = keyInfo.getPublicKey();
            if (key != null) {
                return key;
            }
        }
        throw refused("the signature carries no key (KeyInfo X509Data or KeyValue) to verify it with");
    }

    private static ProblemException refused(String reason) {
        return ProblemException.invalid(List.of(new FieldError(PATH, reason)));
    }
}
