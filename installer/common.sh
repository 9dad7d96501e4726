# Shared settings for the jpackage scripts; sourced, not run. Builds from target/seamline.jar
# (mvn -B -DskipTests package) into target/installer/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
if [ ! -f target/seamline.jar ]; then
  echo "target/seamline.jar is missing: run 'mvn -B -DskipTests package' first" >&2
  exit 3
fi
rm -rf target/installer-input
mkdir -p target/installer-input target/installer
cp target/seamline.jar target/installer-input/
# JavaFX's native libraries go beside the jar (lib/app of the image). JavaFX loads them from the jar's
# own folder when they are there (NativeLibLoader.loadLibraryFullPath). Otherwise every start of the
# window reads each one out of the jar and compares it with the copy it keeps in ~/.openjfx/cache
# (0.09-0.16 s of the first paint, docs/ui.md), and the first start writes that copy into the user's home.
natives=$(jar tf target/seamline.jar | grep -E '^lib[^/]*[.](so|dylib)$' || true)
if [ -n "$natives" ]; then
  # shellcheck disable=SC2086 # one argument per library name
  (cd target/installer-input && jar xf ../seamline.jar $natives)
fi
JPACKAGE_COMMON=(
  --name seamline
  --app-version "$VERSION"
  --vendor "Seamline"
  --description "Forensic inspector for contact-centre call recordings"
  --input target/installer-input
  --main-jar seamline.jar
  --main-class io.seamline.cli.Launcher
  --java-options "-Xmx2g"
  # C2 compiles a method after ten times the usual calls/loop trips: a cold start of the window then
  # spends about 0.5 s less CPU on the JIT while code that runs hot (stitching, rendering, long
  # analyses) still reaches C2 within milliseconds (docs/ui.md, "First paint"). `seamline analyze`
  # runs with C1 only instead (installer/seamline-launcher.sh says why).
  --java-options "-XX:Tier4InvocationThreshold=50000"
  --java-options "-XX:Tier4MinInvocationThreshold=6000"
  --java-options "-XX:Tier4CompileThreshold=150000"
  --java-options "-XX:Tier4BackEdgeThreshold=400000"
  # jlink's defaults for jpackage without --strip-native-commands: the image keeps the runtime's
  # bin/java, which installer/seamline-launcher.sh starts (see there why it replaces jpackage's launcher).
  --jlink-options "--strip-debug --no-man-pages --no-header-files"
  --dest target/installer
)
