package jp.bousai.relay.server.auth;

import java.util.List;
import java.util.Set;
import jp.bousai.relay.core.problem.ProblemException;
import jp.bousai.relay.core.problem.ProblemType;

/** Bearer keys for the admin API, looked up by their SHA-256 like the API keys. */
public final class AdminKeys {

    private final Set<String> hashes;

    public AdminKeys(List<String> sha256s) {
        this.hashes = Set.copyOf(sha256s);
    }

    /** Whether the {@code Authorization} header carries an admin key. */
    public boolean isAdmin(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && hashes.contains(ApiKeys.sha256(authorization.substring(7).trim()));
    }

    /** @throws ProblemException {@code UNAUTHORIZED} unless the header carries an admin key */
    public void authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED,
                    "no credentials: the admin API needs 'Authorization: Bearer <admin key>'");
        }
        if (!isAdmin(authorization)) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "not an admin key of this server "
                    + "(admin keys are listed under auth.admin-keys)");
        }
    }
}
