#!/usr/bin/env bash
# Whole-process start-up of `dockfit parse` on a small file: median of N runs for the launcher's settings
# (C1 only, serial GC, AppCDS) in a JVM of its own (DOCKFIT_SERVER=0), for a plain `java -jar`, and for a bare
# JVM (`java -version`) as the floor; for lint and parse also through the warm lint server (docs/server.md).
# Usage: bench/startup.sh [N] [command args...]   (default: 21 runs of `parse examples/node-app/Dockerfile`)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-21}
shift || true
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(parse examples/node-app/Dockerfile)
DOCKFIT_SERVER=0 ./dockfit "${args[@]}" >/dev/null 2>&1 || true   # builds the jar and the CDS archive if needed
jar=dockfit-cli/target/dockfit.jar

median() { # runs "$@" n times, prints the median wall time in seconds
  local times=()
  for _ in $(seq "$n"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e6}'
}

launcher=$(DOCKFIT_SERVER=0 median ./dockfit "${args[@]}")
plain=$(median java -jar "$jar" "${args[@]}")
bare=$(median java -Xshare:auto -XX:TieredStopAtLevel=1 -version)
echo "command: dockfit ${args[*]}  (median of $n runs)"
if [ "${args[0]}" = lint ] || [ "${args[0]}" = parse ]; then
  ./dockfit server start >/dev/null
  served=$(median ./dockfit "${args[@]}")
  echo "launcher, warm lint server:      ${served} s"
fi
echo "launcher (C1, SerialGC, AppCDS): ${launcher} s   (a JVM of its own: DOCKFIT_SERVER=0)"
echo "plain java -jar:                 ${plain} s   (launcher is $(awk -v a="$plain" -v b="$launcher" 'BEGIN{printf "%.2f", a/b}')x faster)"
echo "bare JVM (java -version):        ${bare} s"
