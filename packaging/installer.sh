#!/usr/bin/env bash
# Builds target/installer/: an app image with its own trimmed Java runtime and a class-data sharing
# archive (appcds.sh), whose launcher runs both the explorer (no arguments) and the CLI (any
# command), and a .deb (which writes its archive when installed, from the app image's class list). Run by `mvn -Pinstaller package`
# after the jar and target/lib/ exist.   usage: installer.sh VERSION "app-image deb"
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1%%-*}"            # jpackage wants digits: 0.1.0-SNAPSHOT → 0.1.0
types="${2:-app-image deb}"
out=target/installer
rm -rf "$out"
mkdir -p "$out/input/lib" "$out/javafx"
cp target/splitscope.jar "$out/input/"
# JavaFX goes into the runtime as modules (below), the other libraries stay on the class path.
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" "$out/javafx/" ;;
    javafx-*) ;;  # the platform-independent placeholders (no classes)
    *) cp "$jar" "$out/input/lib/" ;;
  esac
done

# The man page and bash completion, generated from the picocli commands; the .deb's postinst links
# them into /usr/share (jpackage puts --input into lib/app/).
java -cp "target/splitscope.jar:target/lib/*" org.splitscope.cli.ManPage "$out/generated"
gzip -9n -c "$out/generated/splitscope.1" > "$out/input/splitscope.1.gz"
cp "$out/generated/splitscope.bash" "$out/input/splitscope.bash"

# The modules the app itself needs (jdeps on the app jar with the libraries as class path), plus
# the ones reached only by reflection or service loading at run time, plus JavaFX linked from its
# modular jars: named modules in the image, so no "unnamed module" warning at start. Its native
# libraries go to the runtime's lib/ (where JavaFX loads them from, as with the JavaFX jmods)
# instead of being unpacked into a cache folder in the user's home at every new version.
modules=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --class-path "target/lib/*" target/splitscope.jar)
modules="$modules,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,java.net.http,jdk.localedata,javafx.controls,javafx.swing"
echo "runtime modules: $modules"
jlink --module-path "$out/javafx" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --exclude-resources '/javafx.graphics/*.so' --output "$out/runtime"
unzip -q -o -j "$out/javafx"/javafx-graphics-*-linux.jar '*.so' -d "$out/runtime/lib"

common=(--name splitscope --app-version "$version" --vendor "SplitScope" \
  --description "Explorer for split-attention networks (ResNeSt)" \
  --icon packaging/icon/splitscope-256.png \
  --java-options "-Dsplitscope.launcher=jpackage" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/splitscope.jsa' \
  --java-options '-XX:TieredStopAtLevel=1')
# C1 only: on 2 cores C2 spent ~3 s of CPU compiling start-up code (JavaFX CSS, the JDK's lambda
# spinning) beside the model thread; the work itself is libtorch's (README, Speed, Start-up)
for type in $types; do
  case "$type" in
    app-image)
      jpackage --type app-image "${common[@]}" --input "$out/input" --main-jar splitscope.jar \
        --main-class org.splitscope.Launcher --runtime-image "$out/runtime" --dest "$out"
      # start-up: the class-data sharing archive the launcher points at (a training run; seconds)
      packaging/appcds.sh "$out/splitscope"
      cp "$out/splitscope/lib/app/splitscope.classlist" "$out/input/" # for the .deb's postinst
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
