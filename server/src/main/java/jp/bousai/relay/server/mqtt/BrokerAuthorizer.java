package jp.bousai.relay.server.mqtt;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each connection of the embedded broker may do: only the relay's publisher may PUBLISH, and
 * only under the topic prefix; every client may SUBSCRIBE to filters under the prefix (public
 * information), and to nothing else. A refused PUBLISH is answered with reason code 0x87 (Not
 * authorized) in the PUBACK for MQTT 5 at QoS 1 and 2; an MQTT 3.1.1 client, or one publishing at
 * QoS 0 (which has no acknowledgement), is disconnected. A refused SUBSCRIBE gets 0x87 (MQTT 5) or
 * 0x80 (3.1.1) in the SUBACK. Every refusal is logged at info with the client id and the topic.
 */
final class BrokerAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAuthorizer.class);

    private final String prefix;

    BrokerAuthorizer(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
        String topic = input.getPublishPacket().getTopic();
        boolean publisher = BrokerAuthenticator.PUBLISHER.equals(role(input));
        if (publisher && underPrefix(topic)) {
            output.authorizeSuccessfully();
            return;
        }
        String reason = publisher ? "outside the topic prefix " + prefix : "only bousai-relay may publish here";
        LOG.info("[mqtt: embedded, client: {}, topic: {}] PUBLISH refused: {}", input.getClientInformation().getClientId(),
                topic, reason);
        if (input.getPublishPacket().getQos() == Qos.AT_MOST_ONCE) {
            output.disconnectClient(DisconnectReasonCode.NOT_AUTHORIZED, reason);
        } else {
            output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, reason);
        }
    }

    @Override
    public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
        String filter = input.getSubscription().getTopicFilter();
        if (role(input) != null && underPrefix(withoutShareGroup(filter))) {
            output.authorizeSuccessfully();
            return;
        }
        LOG.info("[mqtt: embedded, client: {}, topic: {}] SUBSCRIBE refused: only filters under {} are allowed",
                input.getClientInformation().getClientId(), filter, prefix);
        output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "only filters under " + prefix + "/ are allowed");
    }

    private static String role(ClientBasedInput input) {
        return input.getConnectionInformation().getConnectionAttributeStore()
                .getAsString(BrokerAuthenticator.ROLE).orElse(null);
    }

    private boolean underPrefix(String topic) {
        return topic.equals(prefix) || topic.startsWith(prefix + "/");
    }

    /** {@code $share/group/filter} to {@code filter}. */
    private static String withoutShareGroup(String filter) {
        if (!filter.startsWith("$share/")) {
            return filter;
        }
        int slash = filter.indexOf('/', "$share/".length());
        return slash < 0 ? "" : filter.substring(slash + 1);
    }
}
