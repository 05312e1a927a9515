package dev.dockfit.lint.rules.security;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The security family (DF500-DF599). */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new SecretNameInArgOrEnv(),
            new HardcodedCredential(),
            new TlsVerificationDisabled(),
            new SignatureCheckDisabled(),
            new DownloadPipedToShell(),
            new ExposeSsh(),
            new AddUrlWithoutChecksum());

    private Rules() {
    }
}
