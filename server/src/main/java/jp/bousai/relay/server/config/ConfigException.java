package jp.bousai.relay.server.config;

/** Configuration that cannot be used; the message names the key and what is wrong. */
public class ConfigException extends RuntimeException {

    public ConfigException(String key, String problem) {
        super("configuration key '" + key + "' (environment " + ConfigSource.envName(key) + "): " + problem);
    }

    public ConfigException(String message) {
        super(message);
    }
}
