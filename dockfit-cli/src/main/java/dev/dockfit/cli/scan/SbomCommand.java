package dev.dockfit.cli.scan;

import dev.dockfit.cli.ExitCodes;
import dev.dockfit.cli.Json;
import dev.dockfit.cli.UserError;
import dev.dockfit.vuln.scan.Inventory;
import dev.dockfit.vuln.store.VulnStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dockfit sbom SOURCE}: the image's package inventory as CycloneDX 1.6 or SPDX 2.3 JSON. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
        description = {"Write a software bill of materials of an image: OS and language packages, each with its package URL and the layer that added it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error", "3:the image cannot be read or the output cannot be written"})
public final class SbomCommand implements Callable<Integer> {
    enum Format { cyclonedx, spdx }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "archive path, OCI layout directory, or docker://host[:port]/repo[:tag|@digest]")
    String source;

    @Option(names = {"-f", "--format"}, defaultValue = "cyclonedx", description = "cyclonedx (1.6 JSON) or spdx (2.3 JSON) (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the SBOM here instead of stdout")
    Path output;

    @Mixin
    ImageInputOptions input;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        Inventory inventory = input.inventory("sbom", source, input.layerCache(VulnStore.defaultDirectory()));
        try (Writer w = output == null ? null : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            PrintWriter out = w == null ? spec.commandLine().getOut() : new PrintWriter(w);
            Json.write(out, switch (format) {
                case cyclonedx -> CycloneDx.bom(inventory, source, ScanCommand.version(), null);
                case spdx -> Spdx.document(inventory, source, ScanCommand.version());
            });
            out.flush();
        } catch (IOException e) {
            throw new UserError(ExitCodes.IO, "dockfit sbom: cannot write " + (output == null ? "output" : output) + " (" + e.getMessage() + ")");
        }
        return ExitCodes.OK;
    }
}
