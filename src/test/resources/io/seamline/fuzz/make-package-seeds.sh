#!/usr/bin/env bash
# Makes the seed corpora of the evidence-package fuzz targets (ParserFuzzTest#packageZip, #packageManifest,
# #stitchManifest, #signedPdf), among them the hostile zips PackageHostileInputTest refuses. The real seeds come from a package
# the CLI exported: `seamline new`, `add` of a public capture (heplify-sip_ipv6_udp.pcap, 3.7 KB), `analyze`,
# `stitch` of the failover sample case, and `export` as zip and folder; the hostile zips are that package's
# own entries written again with Python's zipfile under a hostile name, mode or size.
# Run from the repository root after `mvn -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt`:
#   bash src/test/resources/io/seamline/fuzz/make-package-seeds.sh
set -euo pipefail
R=src/test/resources/io/seamline
OUT=$R/fuzz/ParserFuzzTestInputs
PUB=${SHARED:-../shared}/captures/public
mkdir -p "$OUT"/{packageZip,packageManifest,stitchManifest,signedPdf}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
SEAMLINE="java -cp $PWD/target/classes:$(cat target/cp.txt) io.seamline.cli.Launcher"

# A real package of a small analysed case, as zip and as folder.
$SEAMLINE new "$T/small.seamline" --title "Fuzz seed" --examiner "Seed Maker" --time-zone UTC
$SEAMLINE add "$T/small.seamline" "$PUB/heplify-sip_ipv6_udp.pcap"
$SEAMLINE analyze "$T/small.seamline"
$SEAMLINE export "$T/small.seamline" --out "$T/package.zip" --examiner-key-dir "$T/keys"
$SEAMLINE export "$T/small.seamline" --out "$T/package" --examiner-key-dir "$T/keys"
cp "$T/package.zip" "$OUT/packageZip/exported-package.zip"
cp "$T/package/SHA256SUMS" "$OUT/packageManifest/exported-SHA256SUMS"
# The signed report of that package: whole, cut to 8 KB, and with one byte of its CMS signature changed.
cp "$T/package/report.pdf" "$OUT/signedPdf/report.pdf"
head -c 8192 "$T/package/report.pdf" > "$OUT/signedPdf/report-cut-8k.pdf"
python3 - "$T/package/report.pdf" "$OUT/signedPdf/report-signature-byte-changed.pdf" <<'PY'
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
at = b.rfind(b'/Contents <') + len(b'/Contents <') + 200
b[at] = ord('0') if b[at] != ord('0') else ord('1')
open(sys.argv[2], 'wb').write(b)
PY

# A stitch manifest as stored in a case: the failover sample stitched.
$SEAMLINE sample sample-cases/failover --case "$T/failover.seamline" --no-gui
$SEAMLINE stitch "$T/failover.seamline" --out "$T/failover-stitched.wav"
cp "$T/failover-stitched.manifest.json" "$OUT/stitchManifest/failover.manifest.json"

python3 - "$T/package.zip" "$OUT" <<'PY'
import sys, zipfile, struct, io
src, out = sys.argv[1], sys.argv[2]
real = zipfile.ZipFile(src)
entries = {i.filename: real.read(i) for i in real.infolist()}
small = {k: v for k, v in entries.items() if k in ('README.txt', 'SHA256SUMS') or k.startswith('originals/')}

def make(path, items, symlink=None):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 22, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            if name == symlink:
                info.create_system = 3
                info.external_attr = (0o120777 << 16)
            z.writestr(info, data)

def hostile(name, items, **kw):
    make(out + '/packageZip/' + name, items, **kw)

# Cut small: the package without its report and case copy (its SHA256SUMS then lists two missing files).
make(out + '/packageZip/exported-package-cut.zip', small.items())
escape = b'written outside the package\n'
hostile('absolute-path.zip', list(small.items()) + [('/tmp/seamline-escape.txt', escape)])
hostile('dot-dot.zip', list(small.items()) + [('../seamline-escape.txt', escape)])
hostile('nested-dot-dot.zip', list(small.items()) + [('originals/../../seamline-escape.txt', escape)])
hostile('backslash.zip', list(small.items()) + [('..\\seamline-escape.txt', escape)])
hostile('drive-letter.zip', list(small.items()) + [('C:/seamline-escape.txt', escape)])
hostile('symlink.zip', list(small.items()) + [('originals/passwd', b'/etc/passwd')], symlink='originals/passwd')
hostile('duplicate-name.zip', list(small.items()) + [('readme.txt', b'a second README\n')])
hostile('file-and-folder.zip', list(small.items()) + [('README.txt/inner.txt', b'under a file\n')])
hostile('too-many-entries.zip', list(small.items()) + [('originals/empty-%03d.bin' % i, b'') for i in range(70)])
# A zip bomb: 64 MiB of zeros deflate to about 64 KB (ratio about 1000:1).
hostile('bomb-64mib-zeros.zip', list(small.items()) + [('originals/zeros.bin', bytes(64 * 1024 * 1024))])
# The same bomb whose central directory claims the entry holds 16 bytes.
buf = io.BytesIO()
make(buf, [('originals/zeros.bin', bytes(64 * 1024 * 1024))])
data = bytearray(buf.getvalue())
cd = data.rfind(b'PK\x01\x02')
struct.pack_into('<I', data, cd + 24, 16)
struct.pack_into('<I', data, 22, 16)
open(out + '/packageZip/bomb-lying-size.zip', 'wb').write(data)
# The real package rewritten in ZIP64 form, as ExportService's ZipOutputStream writes a package over 4 GiB:
# every central directory entry's sizes moved into a ZIP64 extra field (0xFFFFFFFF in the entry), and the
# end record pointing through a ZIP64 locator at a ZIP64 end record (APPNOTE 4.3.14, 4.3.15, 4.5.3).
data = open(src, 'rb').read()
eocd = data.rfind(b'PK\x05\x06')
count, cd_size, cd_offset = struct.unpack_from('<HII', data, eocd + 10)
cd, at = bytearray(), cd_offset
for _ in range(count):
    n, x, c = struct.unpack_from('<HHH', data, at + 28)
    head = bytearray(data[at:at + 46])
    csize, usize = struct.unpack_from('<II', head, 20)
    struct.pack_into('<II', head, 20, 0xffffffff, 0xffffffff)
    extra = data[at + 46 + n:at + 46 + n + x] + struct.pack('<HHQQ', 1, 16, usize, csize)
    struct.pack_into('<H', head, 30, len(extra))
    cd += head + data[at + 46:at + 46 + n] + extra + data[at + 46 + n + x:at + 46 + n + x + c]
    at += 46 + n + x + c
zip64_at = cd_offset + len(cd)
record = struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 45, 45, 0, 0, count, count, len(cd), cd_offset)
locator = struct.pack('<IIQI', 0x07064b50, 0, zip64_at, 1)
end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0xffff, 0xffff, 0xffffffff, 0xffffffff, 0)
open(out + '/packageZip/exported-package-zip64.zip', 'wb').write(data[:cd_offset] + bytes(cd) + record + locator + end)
zipfile.ZipFile(out + '/packageZip/exported-package-zip64.zip').testzip()
# Hostile ZIP64: the end record announces ZIP64 without a locator; an entry's ZIP64 size claims 2^63 - 1.
open(out + '/packageZip/zip64-without-locator.zip', 'wb').write(data[:cd_offset] + bytes(cd) + record + end)
first_extra = 46 + struct.unpack_from('<H', cd, 28)[0] + struct.unpack_from('<H', cd, 30)[0] - 16
lying = bytearray(cd)
struct.pack_into('<Q', lying, first_extra, 0x7fffffffffffffff)
open(out + '/packageZip/zip64-entry-claims-2-63.zip', 'wb').write(data[:cd_offset] + bytes(lying) + record + locator + end)
# An end-of-central-directory record that claims 65535 entries in an otherwise empty zip.
eocd = b'PK\x05\x06' + struct.pack('<HHHHIIH', 0, 0, 65535, 65535, 0, 0, 0)
open(out + '/packageZip/eocd-claims-65535-entries.zip', 'wb').write(eocd)
PY

# SHA256SUMS files: the real one, and lines listing paths out of the package, twice, with CRLF, binary
# mode, a path with a control character, and bytes that are not UTF-8.
python3 - "$T/package/SHA256SUMS" "$OUT/packageManifest" <<'PY'
import sys
real = open(sys.argv[1], 'rb').read()
out = sys.argv[2]
sha = b'0' * 64
def w(name, data): open(out + '/' + name, 'wb').write(data)
w('lists-dot-dot.txt', real + sha + b'  ../outside.txt\n')
w('lists-absolute.txt', real + sha + b'  /etc/passwd\n')
w('lists-nested-dot-dot.txt', real + sha + b'  originals/../../outside.txt\n')
w('lists-twice.txt', real + real.splitlines(True)[0])
w('crlf.txt', real.replace(b'\n', b'\r\n'))
w('binary-mode.txt', real.replace(b'  ', b' *'))
w('control-character.txt', real + sha + b'  originals/a\x0bb.pcap\n')
w('not-utf8.txt', real + sha + b'  originals/\xff\xfe.pcap\n')
PY
