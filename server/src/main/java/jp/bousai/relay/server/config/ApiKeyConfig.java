package jp.bousai.relay.server.config;

import java.util.List;
import jp.bousai.relay.core.area.JisCode;

/**
 * One API key: never the key itself, only the hex SHA-256 of it, with the sender it issues as
 * and the areas it may issue for (empty: the sender's own area).
 */
public record ApiKeyConfig(String id, String sha256, JisCode sender, List<JisCode> areas, boolean demo) {

    public ApiKeyConfig {
        areas = List.copyOf(areas);
    }
}
