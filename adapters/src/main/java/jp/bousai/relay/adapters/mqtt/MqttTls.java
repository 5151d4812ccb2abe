package jp.bousai.relay.adapters.mqtt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the connection to an external broker, from PEM files: the certificate authorities to
 * trust (empty: the JVM's default trust store) and, optionally, a client certificate chain with
 * its private key (PKCS#8) for brokers that authenticate clients by certificate.
 *
 * @param trusted CA certificates; empty for the JVM's defaults
 * @param clientChain the client certificate and its chain; empty for none
 * @param clientKey the client certificate's key; null for none
 */
public record MqttTls(List<X509Certificate> trusted, List<X509Certificate> clientChain, PrivateKey clientKey) {

    private static final String[] KEY_ALGORITHMS = {"RSA", "EC", "Ed25519", "Ed448"};

    /** Certificates from a PEM file (one or more {@code BEGIN CERTIFICATE} blocks). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + file);
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is not a PEM certificate file: " + e.getMessage());
        }
    }

    /** An unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) from a PEM file. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(file + " has no unencrypted PKCS#8 key ('BEGIN PRIVATE KEY'); convert "
                    + "it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + " holds a key of an unsupported algorithm (RSA, EC, Ed25519)");
    }

    /** A socket factory that trusts {@link #trusted()} and presents the client certificate, if any. */
    public SSLSocketFactory socketFactory() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trusted.isEmpty()) {
                trust.init((KeyStore) null);
            } else {
                KeyStore authorities = emptyStore();
                for (int i = 0; i < trusted.size(); i++) {
                    authorities.setCertificateEntry("ca-" + i, trusted.get(i));
                }
                trust.init(authorities);
            }
            KeyManagerFactory keys = null;
            if (clientKey != null) {
                char[] password = new char[0];
                KeyStore identity = emptyStore();
                identity.setKeyEntry("client", clientKey, password, clientChain.toArray(new Certificate[0]));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS for MQTT: " + e.getMessage(), e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    @Override
    public String toString() {
        return "MqttTls[trusted=" + trusted.size() + ", clientCertificate=" + !clientChain.isEmpty() + "]";
    }
}
