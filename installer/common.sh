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
JPACKAGE_COMMON=(
  --name seamline
  --app-version "$VERSION"
  --vendor "Seamline"
  --description "Forensic inspector for contact-centre call recordings"
  --input target/installer-input
  --main-jar seamline.jar
  --main-class io.seamline.cli.Launcher
  --java-options "-Xmx2g"
  # C1 only (the "client" compiler): a desktop tool's runs are short, and the optimising C2 compiler
  # spends more CPU compiling than it saves before they end. Measured with the app-image at load 1-2
  # (docs/ui.md, "First paint"; README "Measured performance"): the window reaches its lanes sooner,
  # the 2-hour 3-source audio analysis takes 2.4 s instead of 3.0-3.4 s, a 1M-packet capture the same
  # 1.6 s; a 3M-packet capture takes 3.6 s instead of 2.9 s, which is where C2 pays off. Timeline
  # frames stay under 16 ms (p95 10 ms for the whole 2-hour case). _JAVA_OPTIONS=-XX:TieredStopAtLevel=4
  # brings C2 back for long batch work.
  --java-options "-XX:TieredStopAtLevel=1"
  # jlink's defaults for jpackage without --strip-native-commands: the image keeps the runtime's
  # bin/java, which installer/seamline-launcher.sh starts (see there why it replaces jpackage's launcher).
  --jlink-options "--strip-debug --no-man-pages --no-header-files"
  --dest target/installer
)
