#!/bin/bash
# Runs the benchmark on 1, 2, 4… cores of this machine (Linux: taskset pins the process tree,
# and Node's availableParallelism follows it, so the pool and tsc -b get N cores), then once on
# all cores at 10,000 modules. Needs a build (npm run build:node). Usage:
#   bench/cores-scaling.sh [out-dir]      SIZES="1 2 4" SMALL=1000 LARGE=10000 to change
set -euo pipefail
out=${1:-bench-results}
mkdir -p "$out"
cores=$(nproc)
sizes=${SIZES:-$(for c in 1 2 4 8 16 32 64; do [ "$c" -le "$cores" ] && echo "$c"; done)}
for c in $sizes; do
  echo "== $c cores, ${SMALL:-1000} modules" | tee -a "$out/scale.txt"
  taskset -c "0-$((c - 1))" node out/node/bench.cjs --modules "${SMALL:-1000}" --skip-tsc6 --skip-check --skip-floor --skip-noop \
    --dir "${TMPDIR:-/tmp}/bench-cores-$c" 2>&1 | tee -a "$out/scale.txt"
done
if [ "${LARGE:-10000}" != 0 ]; then
  echo "== $cores cores, ${LARGE:-10000} modules" | tee "$out/large.txt"
  node out/node/bench.cjs --modules "${LARGE:-10000}" --skip-tsc6 --skip-check --skip-floor --skip-noop \
    --dir "${TMPDIR:-/tmp}/bench-cores-large" 2>&1 | tee -a "$out/large.txt"
fi
