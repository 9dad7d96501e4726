#!/usr/bin/env bash
# Makes the seed corpora that ParserFuzzTest replays in regression mode (plain `mvn verify`) and that
# a fuzzing campaign (JAZZER_FUZZ=1) starts from. Every seed is a real file or a few KB cut from one:
# public captures (../shared/captures/public, cut with editcap), fixtures committed elsewhere under
# src/test/resources, and a waveform pyramid written by Seamline's own WaveformPyramidWriter.
# Run from the repository root after `mvn -q -o test-compile`:
#   bash src/test/resources/io/seamline/fuzz/make-seeds.sh
# Findings of a campaign are added by hand as regression-*.bin next to the seeds; this script keeps them.
set -euo pipefail
R=src/test/resources/io/seamline
OUT=$R/fuzz/ParserFuzzTestInputs
PUB=${SHARED:-../shared}/captures/public
mkdir -p "$OUT"/{captureRecords,captureDissection,sipMessage,sdpBody,recordingMetadata,rtpAndRtcp,wavFile,oggOpusFile,sidecarJson,waveformPyramid}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

# pcap / pcapng containers: small whole captures and a few packets cut from larger ones.
cp "$PUB/heplify-sip_ipv6_udp.pcap" "$OUT/captureRecords/sip-ipv6-udp.pcap"
cp "$PUB/sngrep-ipip.pcap" "$OUT/captureRecords/ipip.pcap"
editcap -r "$PUB/heplify-erspan_sip_ipv4_udp.pcapng" "$OUT/captureRecords/erspan-cut.pcapng" 1-4
editcap -F nsecpcap -r "$PUB/heplify-sip_ipv6_udp.pcap" "$OUT/captureRecords/nsec.pcap" 1-2
# Dissection and reassembly: IPv4/IPv6 fragments, TCP segments, WebSocket, SCTP, IP-in-IP, ERSPAN.
cp "$PUB/heplify-ipv6_udp_fragmented.pcap" "$OUT/captureDissection/ipv6-fragments.pcap"
cp "$PUB/heplify-sip_sctp.pcap" "$OUT/captureDissection/sctp.pcap"
cp "$PUB/sngrep-ipip.pcap" "$OUT/captureDissection/ipip.pcap"
editcap -r "$PUB/heplify-sip_ipv4_tcp.pcap" "$OUT/captureDissection/tcp-cut.pcap" 1-8
editcap -r "$PUB/heplify-sip_tcp_websocket.pcap" "$OUT/captureDissection/websocket-cut.pcap" 1-8
editcap -r "$PUB/sngrep-ipv6frag.pcap" "$OUT/captureDissection/ipv6frag-cut.pcap" 1-6
editcap -r "$PUB/heplify-erspan_sip_ipv4_udp.pcapng" "$OUT/captureDissection/erspan-cut.pcapng" 1-4
editcap -r "$R/rtp/media-move/media-move.pcap" "$OUT/captureDissection/sipp-call-cut.pcap" 1-12

# SIP messages: RFC 4475 torture tests, and whole messages (with SDP / SIPREC multipart bodies) from sipp captures.
for f in valid/esc01 valid/lwsdisp valid/transports valid/dblreq invalid/mcl01 invalid/clerr invalid/badvers; do
  cp "$R/sip/rfc4475/$f.sip" "$OUT/sipMessage/$(basename "$f").sip"
done
tshark -r "$R/sip/siprec/siprec-488-then-200.pcap" -Y 'sip.Method == "INVITE"' -T fields -e udp.payload \
  | head -n 1 | xxd -r -p > "$OUT/sipMessage/siprec-invite.sip"
tshark -r "$R/rtp/media-move/media-move.pcap" -Y 'sip.Method == "INVITE"' -T fields -e udp.payload \
  | head -n 1 | xxd -r -p > "$OUT/sipMessage/invite-sdp.sip"

# SDP bodies: the bodies of those INVITEs.
python3 - "$OUT/sipMessage/invite-sdp.sip" "$OUT/sdpBody/offer.sdp" <<'PY'
import sys
raw = open(sys.argv[1], 'rb').read()
open(sys.argv[2], 'wb').write(raw.split(b'\r\n\r\n', 1)[1])
PY

# SIPREC metadata XML, including the billion-laughs, XXE, XInclude and deep-nesting attacks.
cp "$R"/sip/metadata/*.xml "$OUT/recordingMetadata/"
cp "$R/casefile/metadata.xml" "$OUT/recordingMetadata/casefile-metadata.xml"

# RTP/RTCP: records of [port selector][length u16 BE][UDP payload], taken from real captures.
python3 - "$OUT/rtpAndRtcp" "$PUB" <<'PY'
import subprocess, sys, struct
def payloads(pcap, flt, n):
    out = subprocess.run(['tshark', '-r', pcap, '-d', 'udp.port==1-65535,rtp', '-Y', flt, '-T', 'fields',
                          '-e', 'udp.payload'], capture_output=True, text=True, check=True).stdout
    return [bytes.fromhex(l.strip()) for l in out.splitlines() if l.strip()][:n]
def write(name, items):
    with open(sys.argv[1] + '/' + name, 'wb') as f:
        for sel, p in items:
            f.write(bytes([sel]) + struct.pack('>H', len(p)) + p)
rtp = payloads('src/test/resources/io/seamline/rtp/media-move/media-move.pcap', 'rtp', 6)
write('g711-rtp.bin', [(0, p) for p in rtp])
shared = sys.argv[2] + '/heplify-rtp_rtcp_sip_ipv4_udp.pcap'
rtcp = subprocess.run(['tshark', '-r', shared, '-Y', 'rtcp', '-T', 'fields', '-e', 'udp.payload'],
                      capture_output=True, text=True, check=True).stdout.split()[:4]
write('rtp-and-rtcp.bin', [(0, rtp[0]), (1, bytes.fromhex(rtcp[0])), (0, rtp[1]), (1, bytes.fromhex(rtcp[1]))])
PY

# WAV / BWF / RF64: small fixtures whole, longer ones cut to their first 2 KB (a truncated data chunk).
for f in zero-samples bad-magic data-overrun unknown-codec-adpcm; do cp "$R/audio/$f.wav" "$OUT/wavFile/$f.wav"; done
for f in pcm-s16 pcm-s24-extensible rf64-small bwf-edge-buffer float32 alaw pcm-u8; do
  head -c 2048 "$R/audio/$f.wav" > "$OUT/wavFile/$f-cut.wav"
done

# Ogg/Opus: a truncated page, a bad version, and the first pages of real opusenc files.
cp "$R/audio/truncated-page.opus" "$R/audio/bad-ogg-version.opus" "$OUT/oggOpusFile/"
head -c 4096 "$R/audio/stereo.opus" > "$OUT/oggOpusFile/stereo-cut.opus"
head -c 4096 "$R/audio/three-channels.opus" > "$OUT/oggOpusFile/three-channels-cut.opus"

# Sidecar JSON.
cp "$R/casefile/sidecar.json" "$OUT/sidecarJson/casefile-sidecar.json"
cp "$R/audio/sbc01_a84b4c76e66710@pc33.example.com_20261122T084215.123Z.json" "$OUT/sidecarJson/sbc.json"

# Waveform pyramid bytes: written by Seamline for a 1 s two-channel ramp.
cat > "$T/MakePyramid.java" <<'JAVA'
import io.seamline.audio.WaveformPyramidBuilder;
import io.seamline.audio.WaveformPyramidWriter;
import java.io.FileOutputStream;
public class MakePyramid {
    public static void main(String[] a) throws Exception {
        WaveformPyramidBuilder b = new WaveformPyramidBuilder(8000, 2, 64, 1024);
        float[][] lanes = new float[2][8000];
        for (int i = 0; i < 8000; i++) { lanes[0][i] = (i % 100) / 100f; lanes[1][i] = -lanes[0][i]; }
        b.accept(lanes, 8000);
        try (FileOutputStream out = new FileOutputStream(a[0])) { new WaveformPyramidWriter().write(b.build(), out); }
    }
}
JAVA
java -cp target/classes "$T/MakePyramid.java" "$OUT/waveformPyramid/ramp-2ch.bin"

# Bounds: a SIP message nested 8 multiparts deep, one with 300 header lines, one whose Content-Length
# claims 2 GB, and a pcap whose first record claims a 2 GB length.
python3 - "$OUT" <<'PY'
import sys, struct
out = sys.argv[1]
head = ('INVITE sip:srs@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1\r\n'
        'From: <sip:a@example.com>;tag=1\r\nTo: <sip:srs@example.com>\r\nCall-ID: nest@example.com\r\n'
        'CSeq: 1 INVITE\r\nMax-Forwards: 70\r\n')
body = 'v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n'
ctype = 'application/sdp'
for depth in range(8):
    b = 'b%d' % depth
    body = '--%s\r\nContent-Type: %s\r\n\r\n%s\r\n--%s--\r\n' % (b, ctype, body, b)
    ctype = 'multipart/mixed;boundary=%s' % b
open(out + '/sipMessage/multipart-nested-8.sip', 'w', newline='').write(
    head + 'Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s' % (ctype, len(body), body))
open(out + '/sipMessage/headers-300.sip', 'w', newline='').write(
    head + ''.join('X-H%d: v\r\n' % i for i in range(300)) + 'Content-Length: 0\r\n\r\n')
open(out + '/sipMessage/content-length-2g.sip', 'w', newline='').write(
    head + 'Content-Type: application/sdp\r\nContent-Length: 2147483647\r\n\r\nv=0\r\n')
with open(out + '/captureRecords/record-length-2g.pcap', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    f.write(struct.pack('<IIII', 0, 0, 0x7fffffff, 0x7fffffff) + b'\0' * 64)
PY

# Lying length fields in the audio and waveform formats: a WAV whose bext and data chunks claim 4 GiB,
# an RF64 whose ds64 claims 2^62 data bytes, and a waveform pyramid whose level claims 2^31 buckets.
python3 - "$OUT" <<'PY'
import sys, struct
out = sys.argv[1]
fmt = struct.pack('<4sIHHIIHH', b'fmt ', 16, 1, 1, 8000, 16000, 2, 16)
with open(out + '/wavFile/chunks-claim-4g.wav', 'wb') as f:
    f.write(b'RIFF' + struct.pack('<I', 0xffffffff) + b'WAVE' + fmt
            + b'bext' + struct.pack('<I', 0xfffffff0) + b'\0' * 64)
with open(out + '/wavFile/data-claims-4g.wav', 'wb') as f:
    f.write(b'RIFF' + struct.pack('<I', 0xffffffff) + b'WAVE' + fmt + b'data' + struct.pack('<I', 0xffffffff)
            + b'\1\0' * 256)
with open(out + '/wavFile/rf64-ds64-claims-2-62.wav', 'wb') as f:
    ds64 = b'ds64' + struct.pack('<IQQQI', 28, 1 << 62, 1 << 62, 1 << 61, 0)
    f.write(b'RF64' + struct.pack('<I', 0xffffffff) + b'WAVE' + ds64 + fmt + b'data'
            + struct.pack('<I', 0xffffffff) + b'\1\0' * 256)
with open(out + '/waveformPyramid/level-claims-2g-buckets.bin', 'wb') as f:
    frames = (1 << 31) * 64
    f.write(struct.pack('<IIIIIqI', 0x46574C53, 1, 0, 8000, 1, frames, 1) + struct.pack('<Iq', 64, 1 << 31)
            + b'\0' * 600)
PY
