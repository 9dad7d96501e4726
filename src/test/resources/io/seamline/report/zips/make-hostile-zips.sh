#!/bin/sh
# Makes the hostile package zips PackageVerifierTest feeds to `seamline verify` (one per rejection path):
#   traversal.zip  an entry named ../escaped.txt               (Python zipfile, which writes names as given)
#   absolute.zip   an entry named /tmp/absolute.txt            (Python zipfile)
#   symlink.zip    SHA256SUMS plus a symbolic link to /etc/passwd (Info-ZIP zip -y stores the link itself)
#   bomb.zip       64 MiB of zeros deflated to about 64 KB     (Info-ZIP zip -9)
# Command: cd src/test/resources/io/seamline/report/zips && sh make-hostile-zips.sh
set -eu
rm -f traversal.zip absolute.zip symlink.zip bomb.zip
python3 - <<'PY'
import zipfile
with zipfile.ZipFile("traversal.zip", "w") as z:
    z.writestr("SHA256SUMS", "")
    z.writestr("../escaped.txt", "outside the package\n")
with zipfile.ZipFile("absolute.zip", "w") as z:
    z.writestr("SHA256SUMS", "")
    z.writestr("/tmp/absolute.txt", "absolute path\n")
PY
work=$(mktemp -d)
(cd "$work" && : > SHA256SUMS && ln -s /etc/passwd passwd && zip -q -y symlink.zip SHA256SUMS passwd)
mv "$work/symlink.zip" .
(cd "$work" && dd if=/dev/zero of=zeros.bin bs=1M count=64 status=none && zip -q -9 bomb.zip zeros.bin)
mv "$work/bomb.zip" .
rm -rf "$work"
