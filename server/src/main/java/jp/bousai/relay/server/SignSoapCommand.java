package jp.bousai.relay.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import jp.bousai.relay.adapters.commons.SoapFault;
import jp.bousai.relay.adapters.commons.UsernameTokenSigner;
import jp.bousai.relay.core.problem.ProblemException;

/**
 * {@code sign-soap --user NAME (--password PASSWORD | --password-env VARIABLE) FILE}: prints the
 * L-Alert publish request in {@code FILE} with a fresh WS-Security UsernameToken (nonce, Created,
 * PasswordDigest), ready for {@code curl --data-binary @-}. For trying the endpoint and for
 * senders' integration tests; the request is valid for the server's {@code soap.created-window}.
 * {@code --password-env} keeps the password out of the process list. Writes the request to
 * standard output (it is a command-line tool, not the server) and problems to standard error.
 */
final class SignSoapCommand {

    static final String NAME = "sign-soap";
    /** Far above any real publish request; the server's own body limit is lower. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    private static final String USAGE = "usage: sign-soap --user NAME (--password PASSWORD | --password-env VARIABLE) FILE";

    private SignSoapCommand() {
    }

    /** Runs the command on {@code args} (the first being {@value #NAME}); returns the exit status. */
    static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        String user = null;
        String password = null;
        String file = null;
        for (int i = 1; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            switch (args[i]) {
                case "--user" -> user = hasValue ? args[++i] : null;
                case "--password" -> password = hasValue ? args[++i] : null;
                case "--password-env" -> password = hasValue ? env.get(args[++i]) : null;
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        err.println("unknown argument '" + args[i] + "'\n" + USAGE);
                        return 2;
                    }
                    file = args[i];
                }
            }
        }
        if (user == null || password == null || file == null) {
            err.println((password == null ? "a password is required (--password, or --password-env naming a set "
                    + "variable)\n" : "") + USAGE);
            return 2;
        }
        try {
            if (Files.size(Path.of(file)) > MAX_FILE_BYTES) {
                err.println(file + " is larger than " + MAX_FILE_BYTES + " bytes");
                return 1;
            }
            byte[] request = Files.readAllBytes(Path.of(file));
            out.print(UsernameTokenSigner.sign(request, user, password, clock.instant()));
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
        } catch (SoapFault | ProblemException e) {
            err.println(file + " is not an L-Alert publish request: " + e.getMessage());
        }
        return 1;
    }
}
