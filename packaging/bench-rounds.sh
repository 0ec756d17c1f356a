#!/usr/bin/env bash
# The README's Speed tables: SplitScope's `bench` against PyTorch eager + hooks, quiet and contended,
# ROUNDS rounds (default 3), each round alternating the two programs for every model, one JSON line per
# run (ours first, then PyTorch's) on standard output; medians and ratios are computed from these lines.
#
# usage: packaging/bench-rounds.sh ARCH...        e.g. seresnet50 ecaresnet50d skresnext50_32x4d
#   ARCH resnest50d uses the reference ResNeSt in src/test/python; any other ARCH is timm's own model,
#   so timm's source must be on PYTHONPATH (PYTHONPATH=/path/to/pytorch-image-models).
# Needs target/splitscope.jar (mvn package) and Debian's python3-torch. ITERATIONS (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
iterations=${ITERATIONS:-20}
export OPT_OUT_TRACKING=true DJL_OFFLINE=true
for round in $(seq 1 "$rounds"); do
  for arch in "$@"; do
    ours=$(java -jar target/splitscope.jar bench --preset "$arch" --contended --json --iterations "$iterations")
    if [ "$arch" = resnest50d ]; then
      theirs=$(/usr/bin/python3 src/test/python/bench_pytorch.py --contended --iterations "$iterations")
    else
      theirs=$(/usr/bin/python3 src/test/python/bench_pytorch.py --timm "$arch" --contended --iterations "$iterations")
    fi
    echo "{\"round\":$round,\"program\":\"splitscope\",\"result\":$ours}"
    echo "{\"round\":$round,\"program\":\"pytorch\",\"result\":$theirs}"
  done
done
