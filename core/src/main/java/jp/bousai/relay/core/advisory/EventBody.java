package jp.bousai.relay.core.advisory;

/** An event (イベント): name, description and link; {@code description} and {@code url} may be null. */
public record EventBody(String name, String description, String url) implements AdvisoryBody {
}
