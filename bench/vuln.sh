#!/usr/bin/env bash
# Vulnerability store and matching (JMH) over ../shared/vulndata: import of the largest shared ecosystem
# set (Maven, 432 records) into an empty store, and a warm match of the Debian 12 minbase's 88 packages,
# each also as a ratio to parsing that system's dpkg status file in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/vulndata
[ -d "$data" ] || { echo "bench/vuln.sh: $data not found" >&2; exit 3; }
./mvnw -q -B -pl dockfit-vuln -am test-compile -Dmaven.javadoc.skip=true
cp_file=$(mktemp)
./mvnw -q -B -pl dockfit-vuln dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
cp="dockfit-vuln/target/test-classes:dockfit-vuln/target/classes:dockfit-image/target/classes:$(cat "$cp_file")"
out=$(mktemp)
java -cp "$cp" org.openjdk.jmh.Main VulnBenchmark -p vulndata="$data" -rf csv -rff "$out" "$@"
echo
awk -F, 'NR > 1 { gsub(/"/, "", $1); n = $1; sub(/.*\./, "", n); score[n] = $5; err[n] = $6 }
  END {
    base = score["baselineParseDpkgStatus"]
    for (n in score) printf "%-26s %10.3f ms/op  (+/- %.3f)  %8.1fx the dpkg status parse\n", n, score[n], err[n], (base > 0 ? score[n] / base : 0)
  }' "$out"
rm -f "$cp_file" "$out"
