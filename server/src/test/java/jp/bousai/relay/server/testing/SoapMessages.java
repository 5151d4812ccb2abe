package jp.bousai.relay.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import jp.bousai.relay.adapters.commons.UsernameTokenVerifier;

/** L-Alert publish requests as a Commons sender system builds them, around the adapter fixtures. */
public final class SoapMessages {

    public static final Path FIXTURES = Path.of("..", "adapters", "src", "test", "resources", "commons");
    public static final String USER = "demo-chiyoda";
    public static final String PASSWORD = "demo-chiyoda-pass";

    private SoapMessages() {
    }

    /** A fixture's EDXLDistribution, without its XML declaration. */
    public static String distribution(String fixture) {
        try {
            return Files.readString(FIXTURES.resolve(fixture)).replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A publish request with a fresh nonce and the given Created. */
    public static String publish(String distribution, String user, String password, String created) {
        return publish(distribution, user, password, created, UUID.randomUUID().toString());
    }

    public static String publish(String distribution, String user, String password, String created, String nonce) {
        byte[] nonceBytes = nonce.getBytes(StandardCharsets.UTF_8);
        String digest = Base64.getEncoder().encodeToString(UsernameTokenVerifier.digest(nonceBytes, created, password));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
                    xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
                  <soapenv:Header>
                    <wsse:Security>
                      <wsse:UsernameToken>
                        <wsse:Username>%s</wsse:Username>
                        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">%s</wsse:Password>
                        <wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">%s</wsse:Nonce>
                        <wsu:Created>%s</wsu:Created>
                      </wsse:UsernameToken>
                    </wsse:Security>
                  </soapenv:Header>
                  <soapenv:Body>
                    <ns1:publish xmlns:ns1="http://soap.publiccommons.ne.jp/">
                      <message>%s</message>
                    </ns1:publish>
                  </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(user, digest, Base64.getEncoder().encodeToString(nonceBytes), created, distribution);
    }
}
