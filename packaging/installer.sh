#!/usr/bin/env bash
# Builds target/installer/: an app image with its own trimmed Java runtime, whose launcher runs both
# the explorer (no arguments) and the CLI (any command), and a .deb. Run by `mvn -Pinstaller package`
# after the jar and target/lib/ exist.   usage: installer.sh VERSION "app-image deb"
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1%%-*}"            # jpackage wants digits: 0.1.0-SNAPSHOT → 0.1.0
types="${2:-app-image deb}"
out=target/installer
rm -rf "$out"
mkdir -p "$out/input/lib"
cp target/splitscope.jar "$out/input/"
cp target/lib/*.jar "$out/input/lib/"

# The modules the app itself needs (jdeps on the app jar with the libraries as class path), plus
# the ones reached only by reflection or service loading at run time.
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "target/lib/*" target/splitscope.jar)
modules="$modules,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,java.net.http,jdk.localedata"
echo "runtime modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/runtime"

common=(--name splitscope --app-version "$version" --vendor "SplitScope" \
  --description "Explorer for split-attention networks (ResNeSt)" \
  --icon packaging/icon/splitscope-256.png \
  --java-options "-Dsplitscope.launcher=jpackage")
for type in $types; do
  case "$type" in
    app-image)
      jpackage --type app-image "${common[@]}" --input "$out/input" --main-jar splitscope.jar \
        --main-class org.splitscope.Launcher --runtime-image "$out/runtime" --dest "$out"
      ;;
    deb)
      # menu entry with the icon; postinst links /usr/bin/splitscope to the launcher
      jpackage --type deb "${common[@]}" --input "$out/input" --main-jar splitscope.jar \
        --main-class org.splitscope.Launcher --runtime-image "$out/runtime" --dest "$out" \
        --linux-shortcut --linux-menu-group "Science;Education" --linux-app-category science \
        --license-file LICENSE --resource-dir packaging/linux
      ;;
    *) echo "unknown installer type: $type" >&2; exit 2 ;;
  esac
done
ls -la "$out"
