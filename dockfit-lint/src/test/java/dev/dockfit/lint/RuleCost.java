package dev.dockfit.lint;

import dev.dockfit.dockerfile.model.Dockerfile;
import dev.dockfit.dockerfile.model.Instruction;
import dev.dockfit.dockerfile.parser.DockerfileParser;
import dev.dockfit.dockerfile.semantic.BuildModel;
import dev.dockfit.lint.bench.CorpusFiles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the rules' time goes: lints the corpus (default rules) many times in one warm JVM and prints the cost per
 * file of {@link Linter#lint}, then each rule's microseconds per file, share and kilobytes allocated per file, most
 * expensive first. The shell analysis of the RUNs, which the first rule asking for it would otherwise pay, is done
 * up front and shown on its own line. Times are the thread's CPU time,
 * so that other processes on a busy machine inflate them less than wall time; the cost of reading that clock
 * (about a microsecond) is measured and taken off each figure.
 * Run: {@code bench/lint.sh --rules} (or this class's main with the test classpath).
 */
public final class RuleCost {
    private RuleCost() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        CorpusFiles corpus = CorpusFiles.load();
        List<Dockerfile> files = new ArrayList<>();
        for (int i = 0; i < corpus.names().size(); i++) {
            files.add(DockerfileParser.parse(corpus.names().get(i), corpus.contents().get(i)));
        }
        List<Rule> rules = AllRules.all().stream().filter(r -> LintConfig.DEFAULT.runs(r.info())).toList();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long clock = clockCost(cpu);
        com.sun.management.ThreadMXBean memory = (com.sun.management.ThreadMXBean) cpu;
        long[] nanos = new long[rules.size()];
        long[] bytes = new long[rules.size() + 2]; // each rule's allocation, then the model's and the shell's
        long[] model = new long[1];
        long[] shell = new long[1];
        long[] noop = new long[1];
        for (int round = 0; round < warmup + rounds; round++) {
            if (round == warmup) {
                java.util.Arrays.fill(nanos, 0);
                java.util.Arrays.fill(bytes, 0);
                model[0] = 0;
                shell[0] = 0;
                noop[0] = 0;
            }
            for (Dockerfile df : files) {
                long a0 = memory.getCurrentThreadAllocatedBytes();
                long t0 = cpu.getCurrentThreadCpuTime();
                LintContext ctx = new LintContext(BuildModel.of(df), corpus.dir(), LintConfig.DEFAULT);
                long t1 = cpu.getCurrentThreadCpuTime();
                long a1 = memory.getCurrentThreadAllocatedBytes();
                for (Instruction in : df.instructions()) if (in.is("RUN")) ctx.scripts(in);
                long t2 = cpu.getCurrentThreadCpuTime();
                bytes[rules.size()] += a1 - a0;
                bytes[rules.size() + 1] += memory.getCurrentThreadAllocatedBytes() - a1;
                model[0] += t1 - t0 - clock;
                shell[0] += t2 - t1 - clock;
                long n = cpu.getCurrentThreadCpuTime();
                noop[0] += cpu.getCurrentThreadCpuTime() - n - clock;
                for (int r = 0; r < rules.size(); r++) {
                    long a = memory.getCurrentThreadAllocatedBytes();
                    long s = cpu.getCurrentThreadCpuTime();
                    ctx.startRule(rules.get(r).info());
                    rules.get(r).check(ctx);
                    nanos[r] += cpu.getCurrentThreadCpuTime() - s - clock;
                    bytes[r] += memory.getCurrentThreadAllocatedBytes() - a;
                }
            }
        }
        // the whole path dockfit lint takes per file, with no clock reading inside a pass
        Linter linter = Linter.withAllRules(LintConfig.DEFAULT);
        long[] passes = new long[rounds];
        long[] parses = new long[rounds];
        long allocated = 0;
        for (int round = 0; round < rounds; round++) {
            long a = memory.getCurrentThreadAllocatedBytes();
            long s = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < files.size(); i++) {
                linter.lint(corpus.names().get(i), corpus.contents().get(i), corpus.dir());
            }
            long m = cpu.getCurrentThreadCpuTime();
            allocated += memory.getCurrentThreadAllocatedBytes() - a;
            for (int i = 0; i < files.size(); i++) {
                DockerfileParser.parse(corpus.names().get(i), corpus.contents().get(i));
            }
            passes[round] = m - s;
            parses[round] = cpu.getCurrentThreadCpuTime() - m;
        }
        java.util.Arrays.sort(passes);
        java.util.Arrays.sort(parses);
        System.out.printf("Linter.lint (parse, model, default rules, inline ignores): %.1f us/file (median of %d corpus"
                + " passes, least %.1f), %.0f KB allocated per file; parse alone %.1f us/file%n",
                passes[rounds / 2] / 1e3 / files.size(), rounds, passes[0] / 1e3 / files.size(),
                allocated / 1024.0 / rounds / files.size(), parses[rounds / 2] / 1e3 / files.size());
        Map<String, long[]> rows = new LinkedHashMap<>(); // CPU nanoseconds and bytes allocated
        rows.put("(model)", new long[] {model[0], bytes[rules.size()]});
        rows.put("(shell analysis of RUNs)", new long[] {shell[0], bytes[rules.size() + 1]});
        long rulesTotal = 0;
        for (int r = 0; r < rules.size(); r++) {
            RuleInfo info = rules.get(r).info();
            rows.put(info.id() + " " + rules.get(r).getClass().getSimpleName(), new long[] {nanos[r], bytes[r]});
            rulesTotal += nanos[r];
        }
        double perFile = (double) rounds * files.size();
        long total = rulesTotal + model[0] + shell[0];
        System.out.printf("%d files x %d rounds (after %d warm-up rounds); CPU time, less %d ns per clock reading%n",
                files.size(), rounds, warmup, clock);
        System.out.printf("all rules: %.1f us/file; with model and shell analysis: %.1f us/file; an empty interval"
                + " measures %.2f us/file (the floor of every row)%n", rulesTotal / perFile / 1e3, total / perFile / 1e3,
                noop[0] / perFile / 1e3);
        rows.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0])
                        .reversed())
                .forEach(e -> System.out.printf("%8.2f us/file %5.1f%% %7.2f KB/file  %s%n",
                        e.getValue()[0] / perFile / 1e3, 100.0 * e.getValue()[0] / total,
                        e.getValue()[1] / perFile / 1024, e.getKey()));
    }

    /** The least CPU time two clock readings in a row show: what every measured interval includes. */
    private static long clockCost(ThreadMXBean cpu) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 200_000; i++) {
            long s = cpu.getCurrentThreadCpuTime();
            least = Math.min(least, cpu.getCurrentThreadCpuTime() - s);
        }
        return least;
    }
}
