package jp.bousai.relay.server.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * The embedded broker's security, as a HiveMQ embedded extension: registers
 * {@link BrokerAuthenticator} and {@link BrokerAuthorizer}. HiveMQ opens its listeners only after
 * the extension has started, so no client ever reaches the broker unchecked.
 */
final class BrokerSecurity implements ExtensionMain {

    private final BrokerAuthenticator authenticator;
    private final BrokerAuthorizer authorizer;

    BrokerSecurity(BrokerAuthenticator authenticator, BrokerAuthorizer authorizer) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
    }

    static EmbeddedExtension extension(BrokerAuthenticator authenticator, BrokerAuthorizer authorizer) {
        return EmbeddedExtension.builder().withId("bousai-relay-security").withName("bousai-relay security")
                .withVersion("1").withAuthor("bousai-relay").withPriority(1000).withStartPriority(1000)
                .withExtensionMain(new BrokerSecurity(authenticator, authorizer)).build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    }
}
