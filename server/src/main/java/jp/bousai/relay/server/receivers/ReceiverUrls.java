package jp.bousai.relay.server.receivers;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * What a receiver URL may point at, and how it is shown. The admin API must not become a way to
 * make the relay post to itself, its neighbours or a cloud metadata service: unless the operator
 * allows private addresses, every address a receiver's host resolves to must be public. Shown in
 * answers and logs, a URL loses its user info and the values of query parameters that look like
 * credentials.
 */
public final class ReceiverUrls {

    /** Query parameters whose values are credentials (compared in lower case, '-' and '_' ignored). */
    private static final Set<String> SECRET_PARAMETERS = Set.of("token", "accesstoken", "key", "apikey", "secret",
            "password", "passwd", "pwd", "auth", "authorization", "signature", "sig", "credential", "credentials");
    private static final String HIDDEN = "***";

    private ReceiverUrls() {
    }

    /**
     * Refuses a URL whose host resolves to a loopback, link-local, site-local (private), unique
     * local, wildcard, multicast or metadata address. Blocking (name resolution): call off the
     * event loop.
     *
     * @throws ProblemException invalid, naming {@code /url}
     */
    public static void checkPublic(URI url) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            refuse("host '" + url.getHost() + "' does not resolve");
            return;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                refuse("host '" + url.getHost() + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address; receivers must be public "
                        + "unless receiver-urls.allow-private-addresses is true");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local (fd00:ec2::254 is AWS's metadata service)
            return (bytes[0] & 0xfe) != 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        // 100.64.0.0/10 carrier-grade NAT (Alibaba's metadata: 100.100.100.200), 0.0.0.0/8
        return !(first == 100 && second >= 64 && second < 128) && first != 0;
    }

    /** The URL for display: user info and credential-like query values replaced by {@value #HIDDEN}. */
    public static String redacted(URI url) {
        StringBuilder shown = new StringBuilder().append(url.getScheme()).append("://");
        if (url.getRawUserInfo() != null) {
            shown.append(HIDDEN).append('@');
        }
        shown.append(url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1));
        if (url.getRawPath() != null) {
            shown.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            shown.append('?');
            String[] pairs = url.getRawQuery().split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                int equals = pairs[i].indexOf('=');
                String name = equals < 0 ? pairs[i] : pairs[i].substring(0, equals);
                boolean secret = SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT).replace("-", "")
                        .replace("_", ""));
                shown.append(i == 0 ? "" : "&").append(secret && equals >= 0 ? name + "=" + HIDDEN : pairs[i]);
            }
        }
        if (url.getRawFragment() != null) {
            shown.append('#').append(url.getRawFragment());
        }
        return shown.toString();
    }

    private static void refuse(String detail) {
        new FieldErrors().add("/url", detail).throwIfAny();
    }
}
