package jp.bousai.relay.server;

import jp.bousai.relay.server.config.AdminKeyConfig;
import jp.bousai.relay.server.config.ApiKeyConfig;
import jp.bousai.relay.server.config.RelayConfig;
import jp.bousai.relay.server.config.SoapUserConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an operator should know about the configuration before the relay serves anyone. */
final class StartupWarnings {

    /** The relay's own logger: operators (and tests) find the warnings under the relay's name. */
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

    private StartupWarnings() {
    }

    /** Demo credentials in force, ingest closed or half closed, no public URL for CAP links. */
    static void log(RelayConfig config) {
        warnAboutDemoCredentials(config);
        if (config.ingestClosed()) {
            LOG.warn("ingest is closed: no API keys (auth.api-keys) and no SOAP users (auth.soap-users) are "
                    + "configured, so every advisory sent is refused with 401. Streams and feeds are served.");
        } else if (config.apiKeys().isEmpty()) {
            LOG.warn("no API keys (auth.api-keys) are configured: JSON and CAP ingest is closed; only the "
                    + "configured L-Alert SOAP users can issue");
        }
        if (!config.cap().publicUrlConfigured()) {
            LOG.warn("[config: http.public-url] not set: CAP alerts link to {}, which only this host can follow",
                    config.cap().publicUrl());
        }
    }

    private static void warnAboutDemoCredentials(RelayConfig config) {
        config.apiKeys().stream().filter(ApiKeyConfig::demo).forEach(key -> LOG.warn(
                "DEMO API key '{}' (sender {}) is enabled: anyone can issue with it. Remove it from auth.api-keys "
                        + "before production use.", key.id(), key.sender()));
        config.adminKeys().stream().filter(AdminKeyConfig::demo).forEach(key -> LOG.warn(
                "DEMO admin key '{}' is enabled: anyone can manage receivers with it. Remove it from auth.admin-keys "
                        + "before production use.", key.id()));
        config.soapUsers().stream().filter(SoapUserConfig::demo).forEach(user -> LOG.warn(
                "DEMO SOAP user '{}' (sender {}) is enabled: anyone can issue with it. Remove it from "
                        + "auth.soap-users before production use.", user.username(), user.sender()));
    }
}
