#!/usr/bin/env bash
# Start-up as a user meets it, wall clock: process start to the window's first figure painted (the
# window prints it with -Dsplitscope.startupTiming=true and quits), on a first run (fresh user
# folders: DJL unpacks its natives, no remembered settings) and warm (the second start), and the CLI
# capturing one image (warm). Rounds alternate nothing but repeat all three; medians are up to you.
#
# usage: packaging/startup-timing.sh [LAUNCHER...]    (needs xvfb-run)
#   packaging/startup-timing.sh                                   the app image (target/installer/splitscope)
#   packaging/startup-timing.sh java -jar target/splitscope.jar   the jar
#   packaging/startup-timing.sh java -XX:SharedArchiveFile=target/splitscope.jsa -jar target/splitscope.jar   (packaging/appcds.sh --jar)
#   SPLITSCOPE_JAVA_OPTIONS=-Xshare:off packaging/startup-timing.sh   the app image without its CDS archive
# ROUNDS (default 3) rounds; MARKS=1 also lists the marks on the way (wall and CPU ms since the process
# started: main, engine configured, arguments parsed, engine loaded, model loaded, capture done, …).
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
    out=$(JAVA_TOOL_OPTIONS="$opts -Dsplitscope.startupTiming=true" \
      timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "${launcher[@]}" 2>&1 || true)
    line=$(grep -o "window shown after .*" <<<"$out" || echo "no first figure (see the launcher's output)")
    # the process's CPU time when the figure was painted: what the cores paid, less noisy than wall time
    cpu=$(grep -o "startup figure painted .*" <<<"$out" | grep -o "[0-9]* ms cpu" || true)
    echo "round $round  window $run: $line${cpu:+ ($cpu)}"
    [ -z "${MARKS:-}" ] || grep "splitscope: startup " <<<"$out" | sed "s/^/    /"
  done
  start=$(now_ms)
  out=$(JAVA_TOOL_OPTIONS="$opts -Dsplitscope.startupTiming=true" "${launcher[@]}" capture --model fmnist-2s1x64d \
    --input "$image" --out "$home/capture" 2>&1) || echo "round $round  capture failed"
  ms=$(( $(now_ms) - start ))
  cpu=$(grep -o "startup files written .*" <<<"$out" | grep -o "[0-9]* ms cpu" || true)
  echo "round $round  cli capture of one image (warm): $ms ms${cpu:+ ($cpu)}"
  [ -z "${MARKS:-}" ] || grep "splitscope: startup " <<<"$out" | sed "s/^/    /"
  rm -rf "$home"
done
