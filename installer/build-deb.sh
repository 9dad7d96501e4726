#!/usr/bin/env bash
# Builds a Debian/Ubuntu package (needs fakeroot and dpkg-deb):
#   bash installer/build-deb.sh            ->  target/installer/seamline_<version>_amd64.deb
# The package declares libgtk-3-0 (JavaFX's window toolkit on Linux), installs a menu entry and
# associates *.seamline files with Seamline. It is made from the app-image (installer/build-app-image.sh,
# run first unless the image already holds this jar), so it carries the same launcher configuration
# and class list; its postinst (installer/deb-resources) writes the class-data archive again for
# /opt/seamline, since a JDK 17 archive only serves the path its jar had when it was made.
source "$(dirname "$0")/common.sh"
# The app-image of this jar, with its class list; built unless build-app-image.sh made it already.
image_jar=target/installer/seamline/lib/app/seamline.jar
if [ ! -f target/installer/seamline/lib/app/seamline.classlist ] || ! cmp -s target/seamline.jar "$image_jar"; then
  bash installer/build-app-image.sh
fi
rm -rf target/installer/*.deb target/installer-deb-image
# The image's own archive names the build folder's jar: the package leaves it out (postinst makes its own).
cp -a target/installer/seamline target/installer-deb-image
rm -f target/installer-deb-image/lib/app/seamline.jsa
jpackage --type deb --app-image target/installer-deb-image --name seamline --app-version "$VERSION" \
  --vendor "Seamline" --description "Forensic inspector for contact-centre call recordings" \
  --dest target/installer --install-dir /opt --resource-dir installer/deb-resources \
  --icon installer/seamline.png --linux-package-deps "libgtk-3-0" --linux-shortcut \
  --linux-menu-group "Office" --linux-app-category "utils" \
  --file-associations installer/seamline-case.properties
ls -la target/installer/*.deb
