#!/usr/bin/env bash
# dockfit lint against two npm Dockerfile linters, in one run on the same machine:
#  (a) throughput, one process each over ../shared/corpus/dockerfiles repeated ten times (about 2,500 files,
#      so start-up is amortized): dockfit vs dockerfilelint, as files/s and a ratio of the medians of
#      alternated runs (every run printed). The corpus files dockerfilelint throws on are left out for both
#      (and named). Each tool is started with all the paths by `xargs -x` (one process, or xargs fails): a bash
#      array of 2,500 paths cost the calling shell ~25 ms more per start than the tool's work should carry
#      (both costs are measured on /bin/true and printed).
#  (b) one file, whole process (start-up included): median wall time of `./dockfit lint FILE` vs
#      `dockerfile-utils lint FILE`, runs interleaved so that load from other processes hits both alike.
#      `./dockfit lint` goes through the warm lint server (docs/server.md), started in the warm-up step;
#      the cold direct JVM (DOCKFIT_SERVER=0) is measured alongside for transparency.
# Both (a) and (b) say whether the server was warm. Set DOCKFIT_SERVER=0 to measure direct JVMs only.
# Usage: bench/lint-vs-peers.sh [RUNS_FOR_B (default 11)] [FILE_FOR_B (default examples/node-app/Dockerfile)]
#        [RUNS_FOR_A (default 5)]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus=../shared/corpus/dockerfiles
runs=${1:-11}
one=${2:-examples/node-app/Dockerfile}
runs_a=${3:-5}
[ -d "$corpus" ] || { echo "bench/lint-vs-peers.sh: $corpus not found" >&2; exit 3; }
command -v npm >/dev/null || { echo "bench/lint-vs-peers.sh: npm is needed" >&2; exit 3; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "installing dockerfilelint and dockerfile-utils with npm into $tmp ..." >&2
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
  dockerfilelint@1.8.0 dockerfile-utils@0.16.3 >/dev/null)
dfl=$tmp/node_modules/.bin/dockerfilelint
dfu=$tmp/node_modules/.bin/dockerfile-utils

./dockfit --version >/dev/null   # builds the jar and the CDS archive if needed, outside the timings
./dockfit lint "$one" >/dev/null || true
if [ "${DOCKFIT_SERVER:-1}" != 0 ]; then
  ./dockfit server start >/dev/null   # waits until it serves (it warms up first)
fi
server_state() {
  if [ "${DOCKFIT_SERVER:-1}" = 0 ]; then echo "server off (DOCKFIT_SERVER=0): direct JVMs"
  elif ./dockfit server status >/dev/null 2>&1; then echo "through the warm lint server"
  else echo "server NOT running: direct JVMs"; fi
}

# The files dockerfilelint crashes on (found in one node process through its library API).
cat > "$tmp/crashes.js" <<'JS'
const fs = require('fs'), path = require('path');
const lint = require(path.join(process.argv[2], 'node_modules/dockerfilelint'));
for (const f of process.argv.slice(3)) {
  try { lint.run(path.dirname(f), fs.readFileSync(f, 'utf8')); }
  catch (e) { console.log(f + '\t' + String(e).split('\n')[0]); }
}
JS
mapfile -t all < <(find "$corpus" -maxdepth 1 -type f -name '*Dockerfile' | sort)
node "$tmp/crashes.js" "$tmp" "${all[@]}" > "$tmp/crashes.tsv"

# Ten copies of the corpus minus those files, in ten directories (distinct paths, same contents).
cut -f1 "$tmp/crashes.tsv" | xargs -r -n1 basename > "$tmp/crashes.names"
for i in $(seq 1 10); do
  mkdir -p "$tmp/corpus/$i"
  cp "${all[@]}" "$tmp/corpus/$i/"
  while read -r name; do rm -f "$tmp/corpus/$i/$name"; done < "$tmp/crashes.names"
done
mapfile -t files < <(find "$tmp/corpus" -type f | sort)
n=${#files[@]}
printf '%s\0' "${files[@]}" > "$tmp/files.list"
# every path on one command line (-x: xargs fails rather than start a second process)
argmax=$(xargs --show-limits -r < /dev/null 2>&1 | sed -n 's/^Maximum length of command we could actually use: //p')
with_files() { xargs -0 -x -s "$argmax" -a "$tmp/files.list" "$@"; }

now() { date +%s.%N; }
seconds() { echo "$2 - $1" | bc; }

echo
echo "(a) throughput over $n files (the corpus ten times), one process each; dockfit $(server_state)"
if [ -s "$tmp/crashes.tsv" ]; then
  while IFS=$'\t' read -r f why; do echo "    left out (dockerfilelint crashes: $why): $(basename "$f")"; done < "$tmp/crashes.tsv"
fi
# Runs alternate (dockfit, dockerfilelint, dockfit, ...) so that load from other processes hits both alike;
# the ratio is of the medians. Every run is printed: dockfit's first is the server's first large request.
: > "$tmp/a-dockfit"; : > "$tmp/a-dfl"
for i in $(seq 1 "$runs_a"); do
  # xargs exits 123 when the command exits 1 to 125 (dockfit: 1 for findings)
  t0=$(now); with_files ./dockfit lint --format json > "$tmp/dockfit.json" || [ $? -eq 123 ]; t1=$(now)
  with_files "$dfl" -o json > "$tmp/dockerfilelint.json" || true; t2=$(now)
  seconds "$t0" "$t1" >> "$tmp/a-dockfit"; seconds "$t1" "$t2" >> "$tmp/a-dfl"
done
# what starting a process with these paths costs the caller, apart from the tool: /bin/true, median of 5
: > "$tmp/start-array"; : > "$tmp/start-xargs"
for i in 1 2 3 4 5; do
  t0=$(now); /bin/true "${files[@]}"; t1=$(now); with_files /bin/true; t2=$(now)
  seconds "$t0" "$t1" >> "$tmp/start-array"; seconds "$t1" "$t2" >> "$tmp/start-xargs"
done
dockfit_findings=$(grep -c '"rule"' "$tmp/dockfit.json" || true)
dfl_files=$(grep -o '"file"' "$tmp/dockerfilelint.json" | wc -l)
# one process each saw every path: one summary of n files, n files reported
dockfit_files=$(sed -n 's/^    "files" : \([0-9]*\),$/\1/p' "$tmp/dockfit.json")
if [ "$dockfit_files" != "$n" ] || [ "$dfl_files" -ne "$n" ]; then
  echo "bench/lint-vs-peers.sh: dockfit reported '$dockfit_files' files and dockerfilelint $dfl_files, not $n" >&2
  exit 3
fi
median() { sort -n "$1" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
runs_of() { tr '\n' ' ' < "$1" | awk '{for (i = 1; i <= NF; i++) printf "%s%.2f", (i > 1 ? " " : ""), $i}'; }
awk -v n="$n" -v a="$(median "$tmp/a-dockfit")" -v b="$(median "$tmp/a-dfl")" -v fa="$dockfit_findings" -v fb="$dfl_files" \
    -v ra="$(runs_of "$tmp/a-dockfit")" -v rb="$(runs_of "$tmp/a-dfl")" -v k="$runs_a" 'BEGIN {
  printf "    median of %d alternated runs each (every run, in order: dockfit %s s; dockerfilelint %s s)\n", k, ra, rb
  printf "    dockfit         %6.2f s  %8.0f files/s  (%d findings)\n", a, n/a, fa
  printf "    dockerfilelint  %6.2f s  %8.0f files/s  (%d files reported)\n", b, n/b, fb
  printf "    ratio           dockfit is %.1fx dockerfilelint (target: at least 5x)\n", b/a }'
awk -v a="$(median "$tmp/start-array")" -v x="$(median "$tmp/start-xargs")" -v n="$n" 'BEGIN {
  printf "    starting a process (/bin/true) with the %d paths costs the caller %.3f s through xargs, as above;\n", n, x
  printf "    %.3f s from a bash array (\"${files[@]}\"), the way this bench started both tools before 2026-11-28\n", a }'

echo
echo "(b) one file, whole process, median of $runs interleaved runs: $one"
echo "    dockfit lint: $(server_state)"
: > "$tmp/b-dockfit"; : > "$tmp/b-dfu"; : > "$tmp/b-direct"
for i in $(seq 1 "$runs"); do
  t0=$(now); ./dockfit lint "$one" >/dev/null 2>&1 || true; t1=$(now)
  "$dfu" lint "$one" >/dev/null 2>&1 || true; t2=$(now)
  DOCKFIT_SERVER=0 ./dockfit lint "$one" >/dev/null 2>&1 || true; t3=$(now)
  seconds "$t0" "$t1" >> "$tmp/b-dockfit"; seconds "$t1" "$t2" >> "$tmp/b-dfu"; seconds "$t2" "$t3" >> "$tmp/b-direct"
done
a=$(median "$tmp/b-dockfit"); b=$(median "$tmp/b-dfu"); c=$(median "$tmp/b-direct")
awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN {
  printf "    dockfit lint           %.3f s\n", a
  printf "    dockerfile-utils lint  %.3f s\n", b
  printf "    ratio                  dockfit takes %.2fx the time of dockerfile-utils (target: at most 1.0x)\n", a/b
  printf "    for transparency: a cold direct JVM (DOCKFIT_SERVER=0 ./dockfit lint) takes %.3f s, %.2fx\n", c, c/b }'
echo
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
