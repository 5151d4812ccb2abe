package jp.bousai.relay.adapters.commons;

/**
 * A request that gets a SOAP Fault instead of a {@code processResponse}: a broken envelope
 * ({@code soap:Client}) or failed WS-Security ({@code wsse:FailedAuthentication},
 * {@code wsse:MessageExpired}, {@code wsse:InvalidSecurity}).
 */
public class SoapFault extends RuntimeException {

    private final String code;

    public SoapFault(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** The qualified fault code, e.g. {@code soap:Client} or {@code wsse:FailedAuthentication}. */
    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    static SoapFault client(String reason) {
        return new SoapFault("soap:Client", reason);
    }
}
