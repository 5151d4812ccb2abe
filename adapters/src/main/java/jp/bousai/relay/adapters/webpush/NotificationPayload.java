package jp.bousai.relay.adapters.webpush;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EvacuationLevel;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.Timestamps;

/**
 * The JSON a service worker turns into a notification: {@code title}, {@code body} (Japanese, as
 * the advisory says it), {@code level} (the highest evacuation level in force, or null),
 * {@code status} ({@code issued}, {@code lifted}, {@code cancelled} or null), {@code category},
 * {@code mode}, {@code documentId}, {@code revision}, {@code reportTime} and {@code url} (the area
 * page to open).
 *
 * <p>It must fit one push message after encryption ({@link Aes128gcm#MAX_PLAINTEXT_BYTES} of
 * UTF-8): the title is capped at {@link #MAX_TITLE_CODE_POINTS} and the body shortened on a
 * code-point boundary (never inside a surrogate pair), ending in {@code …}, until it fits.
 */
public final class NotificationPayload {

    public static final int MAX_TITLE_CODE_POINTS = 80;
    static final String ELLIPSIS = "…";

    private static final ObjectMapper JSON = new ObjectMapper();

    private NotificationPayload() {
    }

    /** The payload, at most {@code maxBytes} of UTF-8 JSON. */
    public static byte[] of(Advisory advisory, URI page, int maxBytes) {
        ObjectNode node = JSON.createObjectNode();
        node.put("title", truncate(title(advisory), MAX_TITLE_CODE_POINTS));
        node.put("body", "");
        EvacuationLevel level = advisory.body() instanceof EvacuationBody evacuation ? evacuation.highestIssuedLevel() : null;
        if (level == null) {
            node.putNull("level");
        } else {
            node.put("level", level.number());
        }
        String status = status(advisory);
        if (status == null) {
            node.putNull("status");
        } else {
            node.put("status", status);
        }
        node.put("category", advisory.category().wireName());
        node.put("mode", advisory.mode().wireName());
        node.put("documentId", advisory.documentId());
        node.put("revision", advisory.revision());
        node.put("reportTime", Timestamps.rfc3339(advisory.reportTime()));
        node.put("url", page.toString());

        String body = body(advisory);
        byte[] whole = write(node, body);
        if (whole.length <= maxBytes) {
            return whole;
        }
        int low = 0;
        int high = body.codePointCount(0, body.length());
        byte[] best = null;
        while (low <= high) {
            int keep = (low + high) >>> 1;
            byte[] candidate = write(node, truncate(body, keep));
            if (candidate.length <= maxBytes) {
                best = candidate;
                low = keep + 1;
            } else {
                high = keep - 1;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the notification does not fit " + maxBytes
                    + " bytes even without a body [doc: " + advisory.documentId() + "]");
        }
        return best;
    }

    /** {@code text} cut to at most {@code codePoints} code points, the last being {@code …} when cut. */
    static String truncate(String text, int codePoints) {
        int length = text.codePointCount(0, text.length());
        if (length <= codePoints) {
            return text;
        }
        if (codePoints <= 0) {
            return "";
        }
        int end = text.offsetByCodePoints(0, codePoints - 1);
        return text.substring(0, end) + ELLIPSIS;
    }

    private static byte[] write(ObjectNode node, String body) {
        node.put("body", body);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notification", e);
        }
    }

    private static String title(Advisory advisory) {
        StringBuilder title = new StringBuilder(modeMark(advisory.mode()));
        if (advisory.type() == MessageType.CANCEL) {
            title.append("【取消】");
        }
        if (advisory.body() instanceof EvacuationBody evacuation) {
            EvacuationLevel issued = evacuation.highestIssuedLevel();
            if (issued != null) {
                title.append("【警戒レベル").append(issued.number()).append("】").append(issued.label());
            } else {
                title.append("【解除】").append(evacuation.details().stream().map(EvacuationBody.Detail::level)
                        .max(Enum::compareTo).map(EvacuationLevel::label).orElse("避難情報"));
            }
        } else {
            title.append(categoryLabel(advisory.category()));
        }
        if (advisory.sender() != null && advisory.sender().name() != null) {
            title.append(' ').append(advisory.sender().name());
        }
        return title.toString();
    }

    private static String body(Advisory advisory) {
        List<String> parts = new ArrayList<>();
        add(parts, advisory.headline());
        add(parts, advisory.text());
        if (parts.isEmpty() && advisory.type() == MessageType.CANCEL) {
            parts.add("先に送信した情報を取り消します。");
        }
        return String.join("\n", parts);
    }

    private static void add(List<String> parts, LocalizedText text) {
        if (text != null && text.ja() != null && !text.ja().isBlank()) {
            parts.add(text.ja().strip());
        }
    }

    private static String status(Advisory advisory) {
        if (advisory.type() == MessageType.CANCEL) {
            return "cancelled";
        }
        if (advisory.body() instanceof EvacuationBody evacuation) {
            return evacuation.allLifted() ? "lifted" : "issued";
        }
        return null;
    }

    private static String modeMark(Mode mode) {
        return switch (mode) {
            case ACTUAL -> "";
            case EXERCISE -> "【訓練】";
            case TEST -> "【試験】";
            case SYSTEM -> "【システム】";
        };
    }

    private static String categoryLabel(Category category) {
        return switch (category) {
            case EVACUATION_ORDER -> "避難情報";
            case SHELTER -> "避難所情報";
            case ANTIDISASTER_HEADQUARTER -> "災害対策本部設置状況";
            case DAMAGE_INFORMATION -> "被害情報";
            case GENERAL_INFORMATION -> "お知らせ";
            case EVENT -> "イベント情報";
        };
    }
}
