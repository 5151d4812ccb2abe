package jp.bousai.relay.server.config;

/**
 * Configuration that cannot be used; the message names the key and what is wrong. Errors about a
 * key are thrown without knowing where its value came from; {@link ConfigSource#locate} names the
 * real source (the file and key, or the environment variable) before they reach the operator.
 */
public class ConfigException extends RuntimeException {

    private final String key;
    private final String problem;

    public ConfigException(String key, String problem) {
        super("configuration key '" + key + "' (environment " + ConfigSource.envName(key) + "): " + problem);
        this.key = key;
        this.problem = problem;
    }

    public ConfigException(String message) {
        super(message);
        this.key = null;
        this.problem = message;
    }

    /** The dotted key this error is about, or null when it is about no single key. */
    public String key() {
        return key;
    }

    /** What is wrong, without the key. */
    public String problem() {
        return problem;
    }
}
