#!/usr/bin/env bash
# Builds a Debian/Ubuntu package (needs fakeroot and dpkg-deb):
#   bash installer/build-deb.sh            ->  target/installer/seamline_<version>_amd64.deb
# The package declares libgtk-3-0 (JavaFX's window toolkit on Linux), installs a menu entry and
# associates *.seamline files with Seamline.
source "$(dirname "$0")/common.sh"
jpackage --type deb "${JPACKAGE_COMMON[@]}" --icon installer/seamline.png \
  --linux-package-deps "libgtk-3-0" --linux-shortcut --linux-menu-group "Office" \
  --linux-app-category "utils" --file-associations installer/seamline-case.properties
ls -la target/installer/*.deb
