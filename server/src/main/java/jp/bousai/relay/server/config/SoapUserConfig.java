package jp.bousai.relay.server.config;

import java.util.List;
import jp.bousai.relay.core.area.JisCode;

/**
 * One L-Alert (Commons SOAP) sender: WS-Security username and password, the sender it issues as
 * and the areas it may issue for (empty: the sender's own). The password is kept as given:
 * WS-Security PasswordDigest cannot be checked without it.
 */
public record SoapUserConfig(String username, String password, JisCode sender, List<JisCode> areas, boolean demo) {

    public SoapUserConfig {
        areas = List.copyOf(areas);
    }

    @Override
    public String toString() {
        return "SoapUserConfig[username=" + username + ", sender=" + sender + ", areas=" + areas + ", demo=" + demo + "]";
    }
}
