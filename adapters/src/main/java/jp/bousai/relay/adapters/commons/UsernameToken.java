package jp.bousai.relay.adapters.commons;

/**
 * A WS-Security UsernameToken as sent: {@code password} is the Base64 digest
 * (Base64(SHA-1(nonce + created + password))), {@code nonce} Base64, {@code created} as sent.
 */
public record UsernameToken(String username, String passwordType, String password, String nonce, String created) {

    public static final String PASSWORD_DIGEST =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
}
