package dev.dockfit.lint.rules.maintainability;

import dev.dockfit.lint.Rule;
import java.util.List;

/** The maintainability family (DF700-DF799): deprecated syntax, style and habits that age badly. */
public final class Rules {
    public static final List<Rule> ALL = List.of(
            new MaintainerDeprecated(),
            new LegacyKeyValueFormat(),
            new InconsistentInstructionCasing(),
            new FromAsCasing(),
            new CdInRun(),
            new AptInsteadOfAptGet(),
            new ExposeProtocolCasing(),
            new EmptyContinuationLine(),
            new PointlessCommandInContainer(),
            new WgetWithoutProgressOption(),
            new InvalidLabelKey(),
            new SymlinkedShell(),
            new ConsecutiveRuns(),
            new MissingHealthcheck(),
            new UnpinnedRpmPackages(),
            new GoInstallWithoutVersion(),
            new RedundantTargetPlatform(),
            new ArchiveCopiedThenExtracted(),
            new MalformedOciLabel(),
            new DefinitionDescription());

    private Rules() {
    }
}
