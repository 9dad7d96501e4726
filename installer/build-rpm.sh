#!/usr/bin/env bash
# Builds an RPM (needs rpmbuild: Debian package `rpm`, or any Fedora/RHEL machine):
#   bash installer/build-rpm.sh            ->  target/installer/seamline-<version>-1.x86_64.rpm
source "$(dirname "$0")/common.sh"
jpackage --type rpm "${JPACKAGE_COMMON[@]}" --icon installer/seamline.png \
  --linux-package-deps "gtk3" --linux-shortcut --linux-menu-group "Office" \
  --file-associations installer/seamline-case.properties
ls -la target/installer/*.rpm
