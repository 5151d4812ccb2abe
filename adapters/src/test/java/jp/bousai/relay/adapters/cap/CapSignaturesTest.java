package jp.bousai.relay.adapters.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import jp.bousai.relay.core.area.JisCode;
import jp.bousai.relay.core.auth.Issuer;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.validation.FieldErrors;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Enveloped signatures made with real keys (JDK keytool) and Santuario, as a sender would sign. */
class CapSignaturesTest {

    private static final Issuer CHIYODA = Issuer.forSender("chiyoda-key", JisCode.parse("131016"));
    private static final Issuer TOKYO = Issuer.forSender("tokyo-key", JisCode.parse("130001"));
    private static Signer chiyoda;
    private static Signer other;

    private record Signer(PrivateKey key, X509Certificate certificate) {
    }

    @BeforeAll
    static void makeKeys(@TempDir Path dir) throws Exception {
        org.apache.xml.security.Init.init();
        chiyoda = keyPair(dir, "chiyoda");
        other = keyPair(dir, "other");
    }

    private static Signer keyPair(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-dname", "CN=" + name, "-validity", "3650", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return new Signer((PrivateKey) keys.getKey(name, "changeit".toCharArray()),
                (X509Certificate) keys.getCertificate(name));
    }

    private static byte[] fixture() throws Exception {
        return Files.readAllBytes(Path.of("src", "test", "resources", "cap", "notice.xml"));
    }

    /** Signs the whole alert: Reference URI="", enveloped-signature + exclusive c14n, RSA-SHA256. */
    static byte[] sign(byte[] alert, Signer signer, boolean enveloped) throws Exception {
        return sign(alert, signer, enveloped, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
    }

    /** Signs with the given signature method and reference digest. */
    static byte[] sign(byte[] alert, Signer signer, boolean enveloped, String method, String digest) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(alert));
        Element root = document.getDocumentElement();
        XMLSignature signature = new XMLSignature(document, "", method, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        root.appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        if (enveloped) {
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        }
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", transforms, digest);
        signature.addKeyInfo(signer.certificate());
        signature.sign(signer.key());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }

    private static String refusal(CapFormat format, byte[] body, Issuer issuer) {
        try {
            format.decode(body, issuer, new FieldErrors());
            return "accepted";
        } catch (ProblemException problem) {
            return problem.errors().isEmpty() ? problem.detail() : problem.errors().get(0).detail();
        }
    }

    @Test
    void verifiesASignatureWhenPresent() throws Exception {
        assertThat(refusal(new CapFormat(), sign(fixture(), chiyoda, true), CHIYODA)).isEqualTo("accepted");
    }

    @Test
    void refusesAnAlertChangedAfterSigning() throws Exception {
        String signed = new String(sign(fixture(), chiyoda, true), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("通常どおり開いています", "閉鎖しています").getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(new CapFormat(), tampered, CHIYODA)).contains("does not verify");
    }

    @Test
    void aSenderWithACertificateMustSignWithIt() throws Exception {
        CapFormat format = new CapFormat(new CapSignatures(Map.of(CHIYODA.id(), chiyoda.certificate())));
        assertThat(refusal(format, fixture(), CHIYODA)).contains("must sign its alerts");
        assertThat(refusal(format, sign(fixture(), other, true), CHIYODA))
                .contains("another key than the sender's certificate");
        assertThat(refusal(format, sign(fixture(), chiyoda, true), CHIYODA)).isEqualTo("accepted");
        assertThat(refusal(format, fixture(), TOKYO)).as("senders without a certificate need not sign")
                .isEqualTo("accepted");
    }

    @Test
    void refusesASignatureThatDoesNotEnvelopTheWholeAlert() throws Exception {
        assertThat(refusal(new CapFormat(), sign(fixture(), chiyoda, false), CHIYODA))
                .contains("must sign the whole alert");
    }

    @Test
    void refusesASignatureWithoutAKeyToCheckIt() throws Exception {
        String signed = new String(sign(fixture(), chiyoda, true), StandardCharsets.UTF_8);
        String keyless = signed.replaceAll("(?s)<ds:KeyInfo>.*</ds:KeyInfo>", "");
        assertThat(keyless).doesNotContain("KeyInfo");
        assertThatThrownBy(() -> new CapFormat().decode(keyless.getBytes(StandardCharsets.UTF_8), CHIYODA,
                new FieldErrors())).hasMessageContaining("1 field is invalid")
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).detail()).contains("carries no key"));
    }

    @Test
    void refusesSha1SignatureMethodsAndDigestsByDefault() throws Exception {
        byte[] rsaSha1 = sign(fixture(), chiyoda, true, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        byte[] sha1Digest = sign(fixture(), chiyoda, true, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1);
        assertThat(refusal(new CapFormat(), rsaSha1, CHIYODA)).contains("rsa-sha1").contains("SHA-1")
                .contains("rsa-sha256");
        assertThat(refusal(new CapFormat(), sha1Digest, CHIYODA)).contains("digest").contains("SHA-1");
    }

    @Test
    void acceptsSha1OnlyWhenConfiguredTo() throws Exception {
        CapFormat allowing = new CapFormat(new CapSignatures(Map.of(), true));
        assertThat(refusal(allowing, sign(fixture(), chiyoda, true, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1,
                MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1), CHIYODA)).isEqualTo("accepted");
    }

    @Test
    void acceptsASignedCap11AlertVerifiedOverTheBytesAsSent() throws Exception {
        byte[] cap11 = Files.readAllBytes(Path.of("src", "test", "resources", "cap", "cap11-evacuation-alert.xml"));
        assertThat(refusal(new CapFormat(), sign(cap11, chiyoda, true), CHIYODA)).isEqualTo("accepted");
        String tampered = new String(sign(cap11, chiyoda, true), StandardCharsets.UTF_8).replace("1910", "19");
        assertThat(refusal(new CapFormat(), tampered.getBytes(StandardCharsets.UTF_8), CHIYODA))
                .contains("does not verify");
    }
}
