#!/usr/bin/env bash
# Builds a self-contained application folder (runtime included) for this platform:
#   bash installer/build-app-image.sh      ->  target/installer/seamline/bin/seamline
# Run it as `target/installer/seamline/bin/seamline --version` or with any seamline command.
# The image gets a class-data sharing archive made by training runs of the image itself
# (installer/train-class-data.sh; the window run needs xvfb-run or an X display).
source "$(dirname "$0")/common.sh"
rm -rf target/installer/seamline
jpackage --type app-image "${JPACKAGE_COMMON[@]}" --icon installer/seamline.png
# The script launcher in place of jpackage's native one, which queries rpm and dpkg on every start.
cp installer/seamline-launcher.sh target/installer/seamline/bin/seamline
chmod 755 target/installer/seamline/bin/seamline
bash installer/train-class-data.sh target/installer/seamline
echo "app-image: target/installer/seamline"
