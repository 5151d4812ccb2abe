package jp.bousai.relay.server.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.publish.RetainedMessageStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's security, as a HiveMQ embedded extension: registers
 * {@link BrokerAuthenticator} and {@link BrokerAuthorizer}. HiveMQ opens its listeners only after
 * the extension has started, so no client ever reaches the broker unchecked. At start it also
 * removes every retained message that is not on a document's topic
 * ({@code PREFIX/mode/pref/area/category/documentId}): the broker's state is kept on disk, and a
 * message retained before this layout (or before this security, forged) must not be shown to
 * subscribers as the current state.
 */
final class BrokerSecurity implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSecurity.class);
    /** Levels below the prefix of a document's topic: mode, prefecture, area, category, document id. */
    private static final int DOCUMENT_TOPIC_LEVELS = 5;

    private final BrokerAuthenticator authenticator;
    private final BrokerAuthorizer authorizer;
    private final String prefix;

    BrokerSecurity(BrokerAuthenticator authenticator, BrokerAuthorizer authorizer, String prefix) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.prefix = prefix;
    }

    static EmbeddedExtension extension(BrokerAuthenticator authenticator, BrokerAuthorizer authorizer,
                                       String prefix) {
        return EmbeddedExtension.builder().withId("bousai-relay-security").withName("bousai-relay security")
                .withVersion("1").withAuthor("bousai-relay").withPriority(1000).withStartPriority(1000)
                .withExtensionMain(new BrokerSecurity(authenticator, authorizer, prefix)).build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
        removeStrayRetained(Services.retainedMessageStore());
    }

    private void removeStrayRetained(RetainedMessageStore store) {
        List<String> stray = new CopyOnWriteArrayList<>();
        store.iterateAllRetainedMessages((context, retained) -> {
            if (!isDocumentTopic(retained.getTopic())) {
                stray.add(retained.getTopic());
            }
        }).thenCompose(v -> CompletableFuture.allOf(stray.stream().map(store::remove)
                .toArray(CompletableFuture[]::new))).whenComplete((v, failure) -> {
                    if (failure != null) {
                        LOG.warn("[mqtt: embedded] removing stray retained messages failed", failure);
                    } else if (!stray.isEmpty()) {
                        LOG.info("[mqtt: embedded] removed {} retained message(s) not on a document's topic, e.g. {}",
                                stray.size(), stray.get(0));
                    }
                });
    }

    private boolean isDocumentTopic(String topic) {
        return topic.startsWith(prefix + "/")
                && topic.substring(prefix.length() + 1).split("/", -1).length == DOCUMENT_TOPIC_LEVELS;
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    }
}
