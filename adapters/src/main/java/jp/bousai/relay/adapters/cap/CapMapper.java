package jp.bousai.relay.adapters.cap;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.AdvisoryBody;
import jp.bousai.relay.core.advisory.Category;
import jp.bousai.relay.core.advisory.EvacuationBody;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.advisory.MessageType;
import jp.bousai.relay.core.advisory.Mode;
import jp.bousai.relay.core.advisory.NoticeBody;
import jp.bousai.relay.core.advisory.Sender;
import jp.bousai.relay.core.advisory.WireNamed;
import jp.bousai.relay.core.validation.FieldErrors;

/**
 * Maps a CAP alert onto the advisory model (the table is in {@code docs/formats.md}). The
 * Japanese infos (language {@code ja*}; without any, every info) carry the content; the first
 * English one ({@code en*}) adds the English headline and text.
 */
final class CapMapper {

    /** The parameter naming the L-Alert category; without it, EvacuationOrder when a level is stated, else GeneralInformation. */
    static final String CATEGORY = "category";
    static final String DISASTER = "disaster";
    static final String OFFICE = "office";

    private CapMapper() {
    }

    static Advisory map(CapAlert alert, FieldErrors errors) {
        CapChain chain = CapChain.of(alert);
        if (CapChain.badRevisionParameter(alert.infos())) {
            errors.add(alert.infos().get(0).path() + "/parameter", CapChain.DOCUMENT_REVISION + " must be a whole number");
        }
        List<CapAlert.Info> primary = primaryInfos(alert.infos());
        CapAlert.Info first = primary.isEmpty() ? null : primary.get(0);
        CapAlert.Info english = alert.infos().stream().filter(i -> language(i).startsWith("en")).findFirst()
                .orElse(null);
        OffsetDateTime sent = OffsetDateTime.parse(alert.sent());
        Category category = category(first, errors);
        LocalizedText headline = first == null ? null
                : new LocalizedText(headline(first), english == null ? null : headline(english));
        LocalizedText text = text(first, english);
        AdvisoryBody body = chain.type() == MessageType.CANCEL || category == null ? null
                : body(category, primary, sent, ownPage(first == null ? null : first.web(), chain.documentId()),
                        text != null, errors);
        return new Advisory(chain.distributionId(), chain.documentId(), chain.revision(), chain.type(),
                WireNamed.find(Mode.class, alert.status()).orElse(null), category,
                new Sender(null, first == null ? null : first.senderName(), first == null ? null : first.parameter(OFFICE)),
                CapAreas.targets(alert.infos(), errors), sent,
                first == null || first.effective() == null ? null : OffsetDateTime.parse(first.effective()),
                first == null || first.expires() == null ? null : OffsetDateTime.parse(first.expires()),
                first == null ? null : first.parameter(DISASTER), headline, text, body);
    }

    private static List<CapAlert.Info> primaryInfos(List<CapAlert.Info> infos) {
        List<CapAlert.Info> japanese = infos.stream().filter(i -> language(i).startsWith("ja")).toList();
        return japanese.isEmpty() ? infos : japanese;
    }

    private static String language(CapAlert.Info info) {
        return info.language() == null ? "en-us" : info.language().toLowerCase(java.util.Locale.ROOT);
    }

    private static Category category(CapAlert.Info first, FieldErrors errors) {
        if (first == null) {
            return Category.GENERAL_INFORMATION;
        }
        if (first.parameter(CapEvacuation.LEVEL) != null && CapEvacuation.level(first) == null) {
            errors.add(first.path() + "/parameter", "parameter " + CapEvacuation.LEVEL + " must be 3, 4, 5 or a level "
                    + "label (高齢者等避難, 避難指示, 緊急安全確保, or a legacy label), got '"
                    + first.parameter(CapEvacuation.LEVEL) + "'");
            return null;
        }
        String named = first.parameter(CATEGORY);
        if (named == null) {
            return CapEvacuation.level(first) != null ? Category.EVACUATION_ORDER : Category.GENERAL_INFORMATION;
        }
        Category category = WireNamed.find(Category.class, named).orElse(null);
        if (category == null || !SUPPORTED.contains(category)) {
            errors.add(first.path() + "/parameter", "parameter " + CATEGORY + " '" + named + "': CAP carries "
                    + "EvacuationOrder, GeneralInformation and Event here; send other categories as JSON or Commons");
            return null;
        }
        return category;
    }

    private static final List<Category> SUPPORTED =
            List.of(Category.EVACUATION_ORDER, Category.GENERAL_INFORMATION, Category.EVENT);

    private static AdvisoryBody body(Category category, List<CapAlert.Info> primary, OffsetDateTime sent, String web,
                                     boolean hasText, FieldErrors errors) {
        CapAlert.Info first = primary.get(0);
        switch (category) {
            case EVACUATION_ORDER:
                List<EvacuationBody.Detail> details = new ArrayList<>();
                for (CapAlert.Info info : primary) {
                    details.add(CapEvacuation.detail(info, sent, errors));
                }
                return new EvacuationBody(details);
            case EVENT:
                return new EventBody(first.event(), hasText ? first.description() : null, web);
            default:
                return new NoticeBody(web);
        }
    }

    private static String headline(CapAlert.Info info) {
        return info.headline() != null ? info.headline() : info.event();
    }

    /**
     * The Japanese and English texts. When both infos only repeat their headlines as description
     * there is no text; when only one does, the other still has a text and the repeat is kept.
     */
    private static LocalizedText text(CapAlert.Info first, CapAlert.Info english) {
        if (first == null) {
            return null;
        }
        String ja = text(first);
        String en = english == null ? null : text(english);
        if (ja == null && en == null) {
            return null;
        }
        String jaAsSent = ja != null ? ja : first.description();
        return jaAsSent == null ? null : new LocalizedText(jaAsSent, en);
    }

    /**
     * The info's text: description and instruction. A description that only repeats the headline
     * (as CAP profiles make senders write when they have no text) adds nothing and is dropped.
     */
    private static String text(CapAlert.Info info) {
        String description = description(info);
        if (description == null) {
            return info.instruction();
        }
        return info.instruction() == null ? description : description + "\n" + info.instruction();
    }

    private static String description(CapAlert.Info info) {
        return info.description() != null && info.description().equals(headline(info)) ? null : info.description();
    }

    /**
     * The notice's or event's own page: the info's web link, unless it is a relay's link to this
     * very document ({@code .../api/v1/advisories/<document id>}), which CAP profiles require and
     * which is not the sender's page.
     */
    private static String ownPage(String web, String documentId) {
        if (web == null) {
            return null;
        }
        String own = CapRenderer.ADVISORY_PATH + java.net.URLEncoder.encode(documentId,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return web.endsWith(own) ? null : web;
    }
}
