#!/usr/bin/env bash
# Start-up as a user meets it, wall clock: process start to the window's first figure painted (the
# window prints it with -Dsplitscope.startupTiming=true and quits), on a first run (fresh user
# folders: DJL unpacks its natives, no remembered settings) and warm (the second start), and the CLI
# capturing one image (warm). Rounds alternate nothing but repeat all three; medians are up to you.
#
# usage: packaging/startup-timing.sh [LAUNCHER...]    (needs xvfb-run)
#   packaging/startup-timing.sh                                   the app image (target/installer/splitscope)
#   packaging/startup-timing.sh java -jar target/splitscope.jar   the jar
#   packaging/startup-timing.sh java -XX:SharedArchiveFile=splitscope.jsa -jar target/splitscope.jar
#   SPLITSCOPE_JAVA_OPTIONS=-Xshare:off packaging/startup-timing.sh   the app image without its CDS archive
# ROUNDS (default 3) rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=("$@")
[ ${#launcher[@]} -gt 0 ] || launcher=(target/installer/splitscope/bin/splitscope)
rounds=${ROUNDS:-3}
image=resources/samples/fashion-mnist/ankle-boot-0000.png
extra=${SPLITSCOPE_JAVA_OPTIONS:-}
# no telemetry, nothing downloaded; no background oneDNN kernel check (it would load the next measurement)
export OPT_OUT_TRACKING=true DJL_OFFLINE=true SPLITSCOPE_KERNEL_CHECK=off

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

for round in $(seq 1 "$rounds"); do
  home=$(mktemp -d /tmp/splitscope-startup.XXXXXX)
  # user.home, not $HOME, is where Java puts user folders (DJL's natives, preferences, ~/.splitscope)
  opts="-Duser.home=$home -Djava.util.prefs.userRoot=$home/prefs $extra"
  for run in first warm; do
    line=$(JAVA_TOOL_OPTIONS="$opts -Dsplitscope.startupTiming=true" \
      timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "${launcher[@]}" 2>&1 \
      | grep -o "window shown after .*" || echo "no first figure (see the launcher's output)")
    echo "round $round  window $run: $line"
  done
  start=$(now_ms)
  JAVA_TOOL_OPTIONS="$opts" "${launcher[@]}" capture --model fmnist-2s1x64d --input "$image" --out "$home/capture" \
    >/dev/null 2>&1 || echo "round $round  capture failed"
  echo "round $round  cli capture of one image (warm): $(( $(now_ms) - start )) ms"
  rm -rf "$home"
done
