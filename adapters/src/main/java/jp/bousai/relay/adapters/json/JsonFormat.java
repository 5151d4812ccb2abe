package jp.bousai.relay.adapters.json;

import java.util.List;
import jp.bousai.relay.adapters.InboundFormat;
import jp.bousai.relay.core.advisory.Advisory;
import jp.bousai.relay.core.validation.FieldErrors;

/** The JSON API's own format: the canonical JSON representation. */
public final class JsonFormat implements InboundFormat {

    public static final String NAME = "json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> contentTypes() {
        return List.of("application/json");
    }

    @Override
    public Advisory decode(byte[] body, FieldErrors errors) {
        return AdvisoryJsonReader.read(body, errors);
    }
}
