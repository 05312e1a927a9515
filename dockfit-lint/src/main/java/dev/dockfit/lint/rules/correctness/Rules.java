package dev.dockfit.lint.rules.correctness;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The correctness family (DF600-DF699): what the build rejects or silently gets wrong. */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new UnknownInstruction(),
            new UnknownFlag(),
            new InstructionBeforeFrom(),
            new ForbiddenOnbuildTrigger(),
            new ExecFormNotJson(),
            new InvalidHealthcheck(),
            new MultipleCmd(),
            new MultipleEntrypoint(),
            new MultipleHealthcheck(),
            new ShellFormCommand(),
            new RelativeWorkdir(),
            new CopyRelativeDestination(),
            new MultiSourceCopyDestination(),
            new InvalidPort(),
            new ExposeHostMapping(),
            new UndefinedVariable(),
            new EnvSelfReference(),
            new PipeWithoutPipefail(),
            new AptGetWithoutYes(),
            new InstallWithoutYes(),
            new DistUpgrade(),
            new AddForLocalFiles(),
            new WorkdirInSystemDirectory(),
            new NonNumericUser());

    private Rules() {
    }
}
