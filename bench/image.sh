#!/usr/bin/env bash
# Image read benchmark (issue 4, item 13). Builds (or reuses) a synthetic OCI image of about 600 MB
# uncompressed in gzip layers, then in one run prints dockfit's wall time against a parallel inflate-only
# pass over the same layer blobs (target ratio <= 1.2) and dockfit's peak RSS (target <= 256 MiB).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$here/bench/out"
image="$out/image-600mb"
size_mb=${BENCH_IMAGE_MB:-600}
threads=$(nproc); [ "$threads" -gt 4 ] && threads=4
mkdir -p "$out"

(cd "$here" && ./mvnw -q -B -DskipTests -pl dockfit-cli -am package >&2)
jar="$here/dockfit-cli/target/dockfit.jar"
classes="$out/classes"
if [ ! -f "$classes/ImageBench.class" ] || [ "$here/bench/ImageBench.java" -nt "$classes/ImageBench.class" ]; then
  javac -cp "$jar" -d "$classes" "$here/bench/ImageBench.java"
fi
if [ ! -f "$image/index.json" ]; then
  echo "bench: writing a ${size_mb} MB test image to $image (once)..." >&2
  rm -rf "$image"
  java -cp "$classes:$jar" ImageBench make "$image" "$size_mb"
fi

# Warm the page cache so both runs read from memory.
cat "$image"/blobs/sha256/* > /dev/null

# Both are whole JVM runs timed the same way (wall and CPU, JVM start-up included).
/usr/bin/time -f "%e %U %S" -o "$out/inflate-time.txt" java -XX:+UseSerialGC -cp "$classes:$jar" \
  ImageBench inflate "$image" "$threads" > "$out/inflate.txt"
read -r _ tar_bytes < "$out/inflate.txt"
read -r inflate_s inflate_user inflate_sys < "$out/inflate-time.txt"
/usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$here/dockfit" image --format json --no-progress \
  --threads "$threads" "$image" > "$out/report.json" || [ $? -eq 1 ]
read -r dockfit_s dockfit_user dockfit_sys rss_kb < "$out/time.txt"

awk -v d="$dockfit_s" -v i="$inflate_s" -v dc="$dockfit_user+$dockfit_sys" -v ic="$inflate_user+$inflate_sys" \
    -v r="$rss_kb" -v b="$tar_bytes" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  split(dc, x, "+"); dcpu = x[1] + x[2]; split(ic, y, "+"); icpu = y[1] + y[2]
  printf "uncompressed layer bytes: %d (%.0f MiB), load average %s\n", b, b / 1048576, load
  printf "inflate-only (parallel):  %.2f s wall, %.2f s CPU\n", i, icpu
  printf "dockfit image:            %.2f s wall, %.2f s CPU\n", d, dcpu
  printf "ratio dockfit/inflate:    %.2f wall, %.2f CPU (target <= 1.2)\n", d / i, dcpu / icpu
  printf "dockfit peak RSS:         %.0f MiB (target <= 256)\n", r / 1024
}'
