#!/usr/bin/env bash
# dockfit scan speed, through the launcher jar, on this machine:
#  1. import time of the largest shared ecosystem set (../shared/vulndata/osv-records/maven) into an empty
#     database, against `dockfit --version` (JVM start) in the same run;
#  2. warm scan time (database imported, layer cache filled, page cache hot) of a Debian bookworm image with
#     about 200 packages, through the launcher, against in the same run: a scan that reads every layer
#     (--no-layer-cache, what the first scan of an image costs) and `dockfit image` of the same archive (the
#     full layer walk with every analysis). Target: <= 2 s. Wall time is the median of $RUNS runs; the CPU
#     time (user + system) of the same runs is printed too, since other builds share the machine.
# The image is built once with buildah (FROM the test suite's cached bookworm minbase, so run the dockfit-image
# tests once first; apt needs the network) and kept as bench/out/debian200.tar. Runs: $RUNS (default 5), median.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/vulndata
[ -d "$data" ] || { echo "bench/scan.sh: $data not found" >&2; exit 3; }
runs=${RUNS:-5}
out=bench/out
mkdir -p "$out"
jar=dockfit-cli/target/dockfit.jar
[ -f "$jar" ] || ./mvnw -q -B -pl dockfit-cli -am package -DskipTests
image=$out/debian200.tar
if [ ! -f "$image" ]; then
  command -v buildah >/dev/null || { echo "bench/scan.sh: buildah is needed to build $image once" >&2; exit 3; }
  store=${DOCKFIT_TEST_CACHE:-$HOME/.cache/dockfit-test}/containers/overlay
  b=(buildah --root "$store/storage" --runroot "$store/runroot" --storage-driver overlay)
  base=$("${b[@]}" images --format '{{.Name}}:{{.Tag}}' | grep -m1 'dockfit-test/debian:bookworm-minbase' || true)
  [ -n "$base" ] || { echo "bench/scan.sh: no cached bookworm minbase; run ./mvnw -pl dockfit-image verify once" >&2; exit 3; }
  ctx=$(mktemp -d)
  cat > "$ctx/Dockerfile" <<DOCKERFILE
FROM $base
RUN apt-get update && apt-get install -y --no-install-recommends curl openssl python3 libxml2 git gcc make perl \
    vim-tiny less procps iproute2 xz-utils bzip2 unzip zip gnupg wget file patch && rm -rf /var/lib/apt/lists/*
DOCKERFILE
  "${b[@]}" build --isolation chroot --network host -t localhost/dockfit-bench/debian200 "$ctx" >/dev/null
  "${b[@]}" push localhost/dockfit-bench/debian200 "docker-archive:$image" >/dev/null
  rm -rf "$ctx"
fi

# median wall time in ms of a command run $runs times
median() {
  local t=()
  for _ in $(seq "$runs"); do
    local s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
# "WALL_MS CPU_MS": medians over $runs runs of a command's wall time and its CPU time (user + system)
median_cpu() {
  local w=() c=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
    read -r e u s < <(tail -1 "$out/time.txt")    # after "Command exited with non-zero status" when it did
    w+=($(awk "BEGIN {print int($e * 1000)}")); c+=($(awk "BEGIN {print int(($u + $s) * 1000)}"))
  done
  echo "$(printf '%s\n' "${w[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
       "$(printf '%s\n' "${c[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

largest=$(for d in "$data"/osv-records/*/; do echo "$(ls "$d" | wc -l) $d"; done | sort -n | tail -1 | cut -d' ' -f2)
import_once() { rm -rf "$out/db-import"; java -jar "$jar" db --db-dir "$out/db-import" import "$largest"; }
start=$(median java -jar "$jar" --version)
imp=$(median import_once)

db=$out/db-scan
rm -rf "$db" "$out/layers"
java -jar "$jar" db --db-dir "$db" import "$data/osv-records" "$data/debian12-derived/osv" >/dev/null
./dockfit --version >/dev/null    # the launcher's class-data archive, made once per jar
packages=$(./dockfit scan --offline --db-dir "$db" --format json "$image" | awk -F': ' '/"tested"/ {gsub(/,/, "", $2); print $2; exit}')
./dockfit scan --offline --db-dir "$db" "$image" >/dev/null    # warm the page cache and fill the layer cache
echo "load before: $(uptime)"
read -r walk walk_cpu < <(median_cpu ./dockfit image --format json --no-progress "$image")
read -r cold cold_cpu < <(median_cpu ./dockfit scan --offline --db-dir "$db" --no-layer-cache --format json "$image")
read -r scan scan_cpu < <(median_cpu ./dockfit scan --offline --db-dir "$db" --format json "$image")
echo "load after:  $(uptime)"

echo "import $(ls "$largest" | wc -l) records of $(basename "$largest"): ${imp} ms (JVM start alone ${start} ms; $(awk "BEGIN {printf \"%.1f\", $imp / $start}")x)"
echo "warm scan of $image ($packages packages): ${scan} ms wall, ${scan_cpu} ms CPU; target <= 2000 ms"
echo "  same run: scan reading every layer (--no-layer-cache) ${cold} ms wall, ${cold_cpu} ms CPU ($(awk "BEGIN {printf \"%.2f\", $scan / $cold}")x);" \
     "dockfit image walk ${walk} ms wall, ${walk_cpu} ms CPU"
