package jp.bousai.relay.server.mqtt;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who connects to the embedded broker, and as what: the relay's own publisher (its
 * in-memory {@link PublisherCredential}), a subscriber with an account from the password file, or
 * an anonymous subscriber when those are allowed. The role is kept with the connection for
 * {@link BrokerAuthorizer}. No one else may take the publisher's client id (which would cut the
 * relay off), and a subscriber may not leave a will message (which the broker would publish for it).
 */
final class BrokerAuthenticator implements SimpleAuthenticator {

    static final String ROLE = "bousai.role";
    static final String PUBLISHER = "publisher";
    static final String SUBSCRIBER = "subscriber";
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAuthenticator.class);

    private final PublisherCredential publisher;
    private final PasswordFile subscribers;
    private final boolean anonymousSubscribers;

    BrokerAuthenticator(PublisherCredential publisher, PasswordFile subscribers, boolean anonymousSubscribers) {
        this.publisher = publisher;
        this.subscribers = subscribers;
        this.anonymousSubscribers = anonymousSubscribers;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = connect.getClientId();
        String user = connect.getUserName().orElse(null);
        byte[] password = connect.getPassword().map(BrokerAuthenticator::bytes).orElse(null);
        String role;
        if (user == null) {
            if (!anonymousSubscribers) {
                refuse(output, clientId, user, ConnackReasonCode.NOT_AUTHORIZED, "anonymous clients are not allowed");
                return;
            }
            role = SUBSCRIBER;
        } else if (publisher.matches(user, password)) {
            role = PUBLISHER;
        } else if (!user.equals(PublisherCredential.USERNAME) && password != null
                && subscribers.matches(user, password)) {
            role = SUBSCRIBER;
        } else {
            refuse(output, clientId, user, ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
            return;
        }
        if (!role.equals(PUBLISHER) && clientId.equals(publisher.clientId())) {
            refuse(output, clientId, user, ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "the client id is reserved for the relay's publisher");
            return;
        }
        if (!role.equals(PUBLISHER) && connect.getWillPublish().isPresent()) {
            refuse(output, clientId, user, ConnackReasonCode.NOT_AUTHORIZED,
                    "subscribers are read-only and may not leave a will message");
            return;
        }
        input.getConnectionInformation().getConnectionAttributeStore().putAsString(ROLE, role);
        output.authenticateSuccessfully();
    }

    private static void refuse(SimpleAuthOutput output, String clientId, String user, ConnackReasonCode code,
                               String reason) {
        LOG.info("[mqtt: embedded, client: {}, user: {}] CONNECT refused: {}", clientId, user == null ? "-" : user,
                reason);
        output.failAuthentication(code, reason);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
