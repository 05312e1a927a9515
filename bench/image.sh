#!/usr/bin/env bash
# Image read benchmark (issue 4, item 13). Builds (or reuses) a synthetic OCI image of about 600 MB
# uncompressed in gzip layers, then in one run prints dockfit's wall time against a parallel inflate-only
# pass over the same layer blobs (target ratio <= 1.2) and dockfit's peak RSS (target <= 256 MiB), with the load.
# A third program, the same pass plus the two SHA-256 digests a reader must verify (blob and diffID), shows how
# much of the ratio that verification alone costs.
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

# Warm the page cache so both runs read from memory, and let the launcher make its class-data archive (once per
# jar build) outside the timed runs.
cat "$image"/blobs/sha256/* > /dev/null
"$here/dockfit" --version > /dev/null

# All three are whole JVM runs timed the same way (wall and CPU, JVM start-up included), alternated BENCH_RUNS
# times (default 5) so a change in machine load hits every side; each run's ratios are printed, then the medians,
# including dockfit against the verifying pass (what dockfit costs beyond the work any verifying reader does).
runs=${BENCH_RUNS:-5}
echo "before: $(uptime)"
: > "$out/pairs.txt"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$out/inflate-time.txt" java -XX:+UseSerialGC -cp "$classes:$jar" \
    ImageBench inflate "$image" "$threads" > "$out/inflate.txt"
  read -r _ tar_bytes < "$out/inflate.txt"
  read -r inflate_s inflate_user inflate_sys < "$out/inflate-time.txt"
  /usr/bin/time -f "%e %U %S" -o "$out/verify-time.txt" java -XX:+UseSerialGC -cp "$classes:$jar" \
    ImageBench verify "$image" "$threads" > /dev/null
  read -r verify_s verify_user verify_sys < "$out/verify-time.txt"
  /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" "$here/dockfit" image --format json --no-progress \
    --threads "$threads" "$image" > "$out/report.json" || [ $? -eq 1 ]
  read -r dockfit_s dockfit_user dockfit_sys rss_kb < "$out/time.txt"
  echo "$inflate_s $inflate_user $inflate_sys $dockfit_s $dockfit_user $dockfit_sys $rss_kb $verify_s $verify_user $verify_sys" >> "$out/pairs.txt"
done
echo "after:  $(uptime)"

awk -v b="$tar_bytes" -v threads="$threads" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    n++; icpu = $2 + $3; dcpu = $5 + $6; vcpu = $9 + $10
    wall[n] = $4 / $1; cpu[n] = dcpu / icpu; rss[n] = $7 / 1024; vwall[n] = $8 / $1; vcpu_r[n] = vcpu / icpu
    dvwall[n] = $4 / $8; dvcpu[n] = dcpu / vcpu
    printf "run %d: inflate-only %.2f s wall %.2f s CPU | inflate+verify %.2f s wall %.2f s CPU | dockfit %.2f s wall %.2f s CPU %.0f MiB | ratio %.2f wall %.2f CPU\n",
      n, $1, icpu, $8, vcpu, $4, dcpu, $7 / 1024, wall[n], cpu[n]
  }
  END {
    printf "uncompressed layer bytes: %d (%.0f MiB), %d threads on both sides\n", b, b / 1048576, threads
    printf "median ratio dockfit/inflate: %.2f wall, %.2f CPU (target <= 1.2)\n", median(wall, n), median(cpu, n)
    printf "median ratio inflate+verify/inflate: %.2f wall, %.2f CPU (the two SHA-256 digests alone)\n", median(vwall, n), median(vcpu_r, n)
    printf "median ratio dockfit/inflate+verify: %.2f wall, %.2f CPU (everything beyond verification)\n", median(dvwall, n), median(dvcpu, n)
    max = 0; for (i = 1; i <= n; i++) if (rss[i] > max) max = rss[i]
    printf "dockfit peak RSS: %.0f MiB (largest of %d runs; target <= 256)\n", max, n
  }' "$out/pairs.txt"
