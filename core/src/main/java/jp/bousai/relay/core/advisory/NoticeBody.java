package jp.bousai.relay.core.advisory;

/**
 * A notice (お知らせ): its title and text are the advisory's headline and text; the body adds
 * an optional link for details ({@code url} may be null).
 */
public record NoticeBody(String url) implements AdvisoryBody {
}
