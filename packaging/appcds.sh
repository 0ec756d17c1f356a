#!/usr/bin/env bash
# Writes a class-data sharing archive: the JDK's, JavaFX's and SplitScope's classes as they load in
# a training run, pre-parsed, so a start maps them instead of parsing and verifying jars.
#   usage: appcds.sh IMAGE_DIR     the app image's lib/app/splitscope.jsa (run by installer.sh after
#                                  jpackage --type app-image), which its launcher starts with
#                                  (-XX:SharedArchiveFile=$APPDIR/splitscope.jsa, set by installer.sh)
#          appcds.sh --jar         target/splitscope.jsa for the jar (mvn package first), used with
#                                  java -XX:SharedArchiveFile=target/splitscope.jsa -jar target/splitscope.jar
# A moved image or jar (the archive names absolute paths), another JDK or a rebuilt jar starts without
# it, silently (-Xshare:auto; -Xshare:on makes that an error). JDK 17's jlink cannot give the runtime it makes a default CDS
# archive, so this is a static archive from a class list: the classes one CLI capture loads plus,
# where xvfb-run exists, those the window loads up to its first figure.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --jar ]; then
  [ -f target/splitscope.jar ] || { echo "appcds: no target/splitscope.jar (mvn -B package -DskipTests)" >&2; exit 1; }
  java=java
  launcher=(java -jar "$PWD/target/splitscope.jar")
  archive="$PWD/target/splitscope.jsa"
  classlist="$PWD/target/splitscope.classlist"
  cp="$PWD/target/splitscope.jar" # its manifest names target/lib/*.jar, as at run time
else
  image=$(cd "$1" && pwd)
  java="$image/lib/runtime/bin/java"
  launcher=("$image/bin/splitscope")
  archive="$image/lib/app/splitscope.jsa"
  classlist="$image/lib/app/splitscope.classlist"
  # the class path exactly as the launcher passes it ($APPDIR is lib/app), from jpackage's .cfg
  cp=$(sed -n 's/^app\.classpath=//p' "$image/lib/app/splitscope.cfg" | sed "s|\$APPDIR|$image/lib/app|" | paste -sd:)
fi
work=$(mktemp -d /tmp/splitscope-appcds.XXXXXX)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"
# a private home: DJL's natives, preferences and ~/.splitscope of the training runs go there
export OPT_OUT_TRACKING=true DJL_OFFLINE=true SPLITSCOPE_KERNEL_CHECK=off
opts="-Duser.home=$work/home -Djava.util.prefs.userRoot=$work/home/prefs -Xshare:off"

JAVA_TOOL_OPTIONS="$opts -XX:DumpLoadedClassList=$work/cli.classlist" "${launcher[@]}" capture \
  --model fmnist-2s1x64d --input resources/samples/fashion-mnist/ankle-boot-0000.png --out "$work/capture" \
  >"$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; exit 1; }
lists=("$work/cli.classlist")
if command -v xvfb-run >/dev/null; then
  JAVA_TOOL_OPTIONS="$opts -XX:DumpLoadedClassList=$work/window.classlist -Dsplitscope.startupTiming=true" \
    timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "${launcher[@]}" >/dev/null 2>&1 \
    && lists+=("$work/window.classlist") || echo "appcds: the window's training run failed; CLI classes only" >&2
else
  echo "appcds: no xvfb-run: the archive holds the CLI's classes only" >&2
fi
# kept in the image: JDK 17's archive names the jars' absolute paths, so an installed copy elsewhere
# (the .deb's /opt/splitscope) dumps its own from this list at install time (linux/postinst)
awk '!seen[$0]++' "${lists[@]}" > "$classlist"

"$java" -Xshare:dump -XX:SharedClassListFile="$classlist" -XX:SharedArchiveFile="$archive" \
  -cp "$cp" > "$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
echo "appcds: $(wc -l < "$classlist") classes listed, archive $archive $(du -h "$archive" | cut -f1)"
