#!/usr/bin/env bash
# Parse throughput (JMH) over ../shared/corpus/dockerfiles, printed as files/s and MB/s.
# One JMH operation parses the whole corpus once, so files/s = ops/s x files and MB/s = ops/s x bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/dockerfiles
[ -d "$corpus" ] || { echo "bench/parse.sh: $corpus not found" >&2; exit 3; }
./mvnw -q -B -pl dockfit-dockerfile -am test-compile -Dmaven.javadoc.skip=true
cp_file=$(mktemp)
./mvnw -q -B -pl dockfit-dockerfile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
cp="dockfit-dockerfile/target/test-classes:dockfit-dockerfile/target/classes:$(cat "$cp_file")"
out=$(mktemp)
java -cp "$cp" org.openjdk.jmh.Main ParseBenchmark -p corpus="$corpus" -rf csv -rff "$out" "$@"
files=$(find "$corpus" -maxdepth 1 -type f ! -name '*.md' ! -name '*.tsv' | wc -l)
bytes=$(find "$corpus" -maxdepth 1 -type f ! -name '*.md' ! -name '*.tsv' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo
echo "corpus: $files files, $bytes bytes"
tail -n +2 "$out" | while IFS=, read -r name mode threads samples score error unit param; do
  name=${name//\"/}
  awk -v n="${name##*.}" -v s="$score" -v e="$error" -v f="$files" -v b="$bytes" \
    'BEGIN { printf "%-22s %10.0f files/s  %7.1f MB/s  (+/- %.0f%%)\n", n, s*f, s*b/1e6, (s>0? 100*e/s : 0) }'
done
rm -f "$cp_file" "$out"
