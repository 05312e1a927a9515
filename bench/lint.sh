#!/usr/bin/env bash
# Lint throughput in a warm JVM (JMH) over ../shared/corpus/dockerfiles, printed as files/s.
# One JMH operation lints the whole corpus once (parse, model, every default rule), so files/s = ops/s x files;
# parseAndModel is the floor the rules add to.
# Usage: bench/lint.sh [JMH options...]   or   bench/lint.sh --rules [WARMUP_ROUNDS ROUNDS]  (cost of each rule)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/dockerfiles
[ -d "$corpus" ] || { echo "bench/lint.sh: $corpus not found" >&2; exit 3; }
./mvnw -q -B -pl dockfit-lint -am test-compile -Dmaven.javadoc.skip=true
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
# the dockfit modules come from this tree's target folders, never from ~/.m2
./mvnw -q -B -pl dockfit-lint dependency:build-classpath -Dmdep.includeScope=test -DexcludeGroupIds=dev.dockfit \
  -Dmdep.outputFile="$cp_file" >/dev/null
cp="dockfit-lint/target/test-classes:dockfit-lint/target/classes:dockfit-dockerfile/target/test-classes"
cp="$cp:dockfit-dockerfile/target/classes:$(cat "$cp_file")"
if [ "${1:-}" = --rules ]; then
  shift
  exec java -cp "$cp" dev.dockfit.lint.RuleCost "$@"
fi
out=$(mktemp)
java -cp "$cp" org.openjdk.jmh.Main LintBenchmark -rf csv -rff "$out" "$@"
files=$(find "$corpus" -maxdepth 1 -type f -name '*Dockerfile' | wc -l)
echo
echo "corpus: $files files"
tail -n +2 "$out" | while IFS=, read -r name mode threads samples score error unit; do
  name=${name//\"/}
  awk -v n="${name##*.}" -v s="$score" -v e="$error" -v f="$files" \
    'BEGIN { printf "%-16s %10.0f files/s  %8.1f us/file  (+/- %.0f%%)\n", n, s*f, 1e6/(s*f), (s>0? 100*e/s : 0) }'
done
rm -f "$out"
