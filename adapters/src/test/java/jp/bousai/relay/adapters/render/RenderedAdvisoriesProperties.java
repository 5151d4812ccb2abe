package jp.bousai.relay.adapters.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import jp.bousai.relay.adapters.FormatChecks;
import jp.bousai.relay.adapters.cap.CapFormat;
import jp.bousai.relay.adapters.cap.CapRenderer;
import jp.bousai.relay.adapters.cap.PublicAlertsProfile;
import jp.bousai.relay.adapters.commons.CommonsFormat;
import jp.bousai.relay.adapters.commons.CommonsRenderer;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.advisory.EventBody;
import jp.bousai.relay.core.advisory.LocalizedText;
import jp.bousai.relay.core.auth.IssuePolicy;
import jp.bousai.relay.core.log.AdvisoryRecord;
import jp.bousai.relay.core.log.EarlierRevision;
import jp.bousai.relay.core.validation.AdvisoryRules;
import jp.bousai.relay.core.validation.FieldErrors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Decoding what we render gives back the same advisory, for generated advisories: CAP (through
 * the CAP 1.2 schema and our rules, which decoding applies) for the categories CAP carries, and
 * Commons for every category (English text aside, which Commons cannot carry).
 */
class RenderedAdvisoriesProperties {

    @Property(tries = 300)
    void capRoundTrips(@ForAll long seed) {
        Advisory original = valid(GeneratedAdvisories.forCap(seed));
        String cap = new CapRenderer("https://relay.example.jp")
                .render(new AdvisoryRecord(1, original, "{}", Instant.EPOCH, "json"));
        assertThat(decode(new CapFormat(), cap)).as(cap).isEqualTo(withoutTextRepeatingTheHeadline(original));
    }

    @Property(tries = 300)
    void capOfEveryCategoryPassesThePublicAlertsProfile(@ForAll long seed) {
        Advisory original = valid(GeneratedAdvisories.any(seed));
        List<EarlierRevision> earlier = IntStream.range(1, original.revision()).mapToObj(revision ->
                new EarlierRevision(revision, original.sender().code(),
                        original.reportTime().minusMinutes(original.revision() - revision))).toList();
        String cap = new CapRenderer("https://relay.example.jp")
                .render(new AdvisoryRecord(1, original, "{}", Instant.EPOCH, "json", earlier));
        assertThat(PublicAlertsProfile.violations(cap)).as(cap).isEmpty();
    }

    @Property(tries = 300)
    void commonsRoundTrips(@ForAll long seed) {
        Advisory original = valid(GeneratedAdvisories.any(seed));
        String commons = CommonsRenderer.render(original);
        assertThat(decode(new CommonsFormat(), commons)).as(commons).isEqualTo(FormatChecks.japaneseOnly(original));
    }

    /**
     * CAP needs a description, and says "no text" by repeating the headline in it: a text that
     * only repeats the headline (in every language) reads back as no text.
     */
    private static Advisory withoutTextRepeatingTheHeadline(Advisory advisory) {
        LocalizedText text = advisory.text();
        boolean repeats = text != null && text.ja().equals(advisory.headline().ja())
                && (text.en() == null || text.en().equals(advisory.headline().en()));
        return !repeats ? advisory : new Advisory(advisory.distributionId(), advisory.documentId(),
                advisory.revision(), advisory.type(), advisory.mode(), advisory.category(), advisory.sender(),
                advisory.areas(), advisory.reportTime(), advisory.targetTime(), advisory.validUntil(),
                advisory.disaster(), advisory.headline(), null, advisory.body() instanceof EventBody event
                        && advisory.headline().ja().equals(event.description())
                        ? new EventBody(event.name(), null, event.url()) : advisory.body());
    }

    private static Advisory valid(Advisory advisory) {
        FieldErrors errors = new FieldErrors();
        AdvisoryRules.check(advisory, errors);
        assertThat(errors.list()).as("the generator made an invalid advisory: %s", advisory).isEmpty();
        return advisory;
    }

    private static Advisory decode(jp.bousai.relay.adapters.InboundFormat format, String rendered) {
        FieldErrors errors = new FieldErrors();
        Advisory decoded = IssuePolicy.authorise(GeneratedAdvisories.TOKYO_WIDE,
                format.decode(rendered.getBytes(StandardCharsets.UTF_8), GeneratedAdvisories.TOKYO_WIDE, errors));
        AdvisoryRules.check(decoded, errors);
        assertThat(errors.list()).as(rendered).isEmpty();
        return decoded;
    }
}
