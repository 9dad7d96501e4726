#!/usr/bin/env bash
# Builds a macOS disk image. Run on macOS with a JDK 17+ (jpackage needs the platform's own tools;
# it cannot cross-build). The icon must be .icns there: convert installer/seamline.png with
#   mkdir seamline.iconset && sips -z 256 256 installer/seamline.png --out seamline.iconset/icon_256x256.png
#   iconutil -c icns seamline.iconset -o installer/seamline.icns
#   bash installer/build-dmg.sh            ->  target/installer/seamline-<version>.dmg
source "$(dirname "$0")/common.sh"
jpackage --type dmg "${JPACKAGE_COMMON[@]}" --icon installer/seamline.icns \
  --mac-package-identifier io.seamline --file-associations installer/seamline-case.properties
ls -la target/installer/*.dmg
