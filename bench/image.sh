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
if [ ! -f "$image/index.json" ]; then
  echo "bench: writing a ${size_mb} MB test image to $image (once)..." >&2
  rm -rf "$image"
  java -cp "$jar" "$here/bench/ImageBench.java" make "$image" "$size_mb"
fi

# Warm the page cache so both runs read from memory.
cat "$image"/blobs/sha256/* > /dev/null

read -r inflate_s tar_bytes < <(java -cp "$jar" "$here/bench/ImageBench.java" inflate "$image" "$threads")
/usr/bin/time -f "%e %M" -o "$out/time.txt" "$here/dockfit" image --format json --no-progress \
  --threads "$threads" "$image" > "$out/report.json" || [ $? -eq 1 ]
read -r dockfit_s rss_kb < "$out/time.txt"

awk -v d="$dockfit_s" -v i="$inflate_s" -v r="$rss_kb" -v b="$tar_bytes" 'BEGIN {
  printf "uncompressed layer bytes: %d (%.0f MiB)\n", b, b / 1048576
  printf "inflate-only (parallel):  %.2f s\n", i
  printf "dockfit image:            %.2f s\n", d
  printf "ratio dockfit/inflate:    %.2f (target <= 1.2)\n", d / i
  printf "dockfit peak RSS:         %.0f MiB (target <= 256)\n", r / 1024
}'
