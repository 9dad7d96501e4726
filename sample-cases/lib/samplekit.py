"""Helpers shared by the sample-case generators (make.sh in each case folder).

Speech comes from espeak-ng, rate conversion and G.711 coding from sox, RTP facts and payloads from
tshark; this module only places samples on a timeline, mixes them and writes RIFF/WAVE and Broadcast
Wave (EBU Tech 3285 v1) files. All audio is 8000 Hz, 16-bit signed little-endian, mono.
"""
import datetime as dt
import json
import struct
import subprocess
import tempfile
import os
from zoneinfo import ZoneInfo

import numpy as np

RATE = 8000
FRAME = 160  # samples per 20 ms G.711 packet


def tts(text, voice="en-us", speed=160, pitch=50):
    """Speaks text with espeak-ng and returns 8 kHz int16 samples (sox resamples, with its dither)."""
    with tempfile.TemporaryDirectory() as d:
        w = os.path.join(d, "s.wav")
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-w", w, text], check=True)
        raw = subprocess.run(["sox", w, "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer",
                              "-t", "raw", "-"], check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<i2").astype(np.float64)


def noise(n, rms=40.0, seed=1):
    """Low background noise (about -58 dBFS) so that pauses are never digital zero."""
    return np.random.default_rng(seed).normal(0.0, rms, n)


def track(length_s, segments, seed):
    """A track of length_s seconds (rounded up to whole 20 ms frames): background noise plus each
    (start_s, samples) segment; fails if a segment would not fit."""
    n = int(np.ceil(length_s * RATE / FRAME)) * FRAME
    out = noise(n, seed=seed)
    for start_s, s in segments:
        i = int(round(start_s * RATE))
        if i + len(s) > n:
            raise SystemExit("segment at %.2f s (%.2f s long) does not fit in %.2f s" % (start_s, len(s) / RATE, length_s))
        out[i:i + len(s)] += s
    return out


def clip16(x):
    return np.clip(np.round(x), -32768, 32767).astype("<i2")


def write_ulaw(samples, path):
    """Encodes int16 samples as raw G.711 mu-law with sox (the file sipp's rtp_stream plays)."""
    subprocess.run(["sox", "-t", "raw", "-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer", "-",
                    "-t", "raw", "-e", "mu-law", "-b", "8", path], input=clip16(samples).tobytes(), check=True)


def decode_ulaw(payload):
    """Decodes raw mu-law bytes to int16 samples with sox."""
    raw = subprocess.run(["sox", "-t", "raw", "-r", str(RATE), "-c", "1", "-e", "mu-law", "-b", "8", "-",
                          "-t", "raw", "-b", "16", "-e", "signed-integer", "-"], input=payload,
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<i2").astype(np.float64)


def rtp_packets(pcap):
    """Every RTP packet tshark sees (heuristic RTP on): dicts with time (epoch s), ports, ssrc, seq, ts, payload."""
    out = subprocess.run(["tshark", "-r", pcap, "-o", "rtp.heuristic_rtp:TRUE", "-Y", "rtp", "-T", "fields",
                          "-e", "frame.time_epoch", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "rtp.ssrc",
                          "-e", "rtp.seq", "-e", "rtp.timestamp", "-e", "rtp.p_type", "-e", "rtp.payload"],
                         check=True, capture_output=True, text=True).stdout
    pk = []
    for line in out.splitlines():
        t, sp, dp, ssrc, seq, ts, pt, pl = line.split("\t")
        pk.append(dict(time=float(t), src=int(sp), dst=int(dp), ssrc=int(ssrc, 16), seq=int(seq), ts=int(ts),
                       pt=int(pt), payload=bytes.fromhex(pl.replace(":", ""))))
    return pk


def streams(packets):
    """Groups packets by (source port, destination port, SSRC), in order of first packet."""
    g = {}
    for p in packets:
        g.setdefault((p["src"], p["dst"], p["ssrc"]), []).append(p)
    return sorted(g.values(), key=lambda s: s[0]["time"])


def stream_audio(stream):
    """Decoded samples of one G.711 mu-law stream, laid out by RTP timestamp from its first packet
    (missing packets would stay zero; sipp on loopback loses none)."""
    ts0 = stream[0]["ts"]
    end = max((p["ts"] - ts0) % 2**32 + len(p["payload"]) for p in stream)
    out = np.zeros(end)
    decoded = decode_ulaw(b"".join(p["payload"] for p in stream))  # one sox run; mu-law is sample-wise
    k = 0
    for p in stream:
        i = (p["ts"] - ts0) % 2**32
        n = len(p["payload"])
        out[i:i + n] = decoded[k:k + n]
        k += n
    return out


def place(buf, t0, t, samples):
    """Adds samples to buf (whose sample 0 is at epoch t0) starting at epoch time t."""
    i = int(round((t - t0) * RATE))
    j = min(len(buf), i + len(samples))
    if i < 0 or i >= len(buf):
        raise SystemExit("placement outside the buffer")
    buf[i:j] += samples[:j - i]


def write_wav(samples, path):
    """Plain RIFF/WAVE, PCM 8 kHz 16-bit mono (fmt then data)."""
    data = clip16(samples).tobytes()
    fmt = struct.pack("<HHIIHH", 1, 1, RATE, RATE * 2, 2, 16)
    body = b"WAVE" + chunk(b"fmt ", fmt) + chunk(b"data", data)
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", len(body)) + body)


def chunk(cid, payload):
    pad = b"\0" if len(payload) % 2 else b""
    return cid + struct.pack("<I", len(payload)) + payload + pad


def fixed(s, n):
    b = s.encode("ascii")
    if len(b) > n:
        raise SystemExit("bext field too long: %r" % s)
    return b + b"\0" * (n - len(b))


def write_bwf(samples, path, start_epoch, zone, description, originator, originator_ref, coding_history):
    """Broadcast Wave: bext (EBU Tech 3285 v1) before fmt. OriginationDate/Time are local to zone (whole
    seconds); TimeReference is samples since local midnight, so it carries the sub-second start."""
    tz = ZoneInfo(zone)
    local = dt.datetime.fromtimestamp(start_epoch, tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    time_ref = int(round((start_epoch - midnight.timestamp()) * RATE))
    bext = (fixed(description, 256) + fixed(originator, 32) + fixed(originator_ref, 32)
            + fixed(local.strftime("%Y-%m-%d"), 10) + fixed(local.strftime("%H:%M:%S"), 8)
            + struct.pack("<II", time_ref & 0xFFFFFFFF, time_ref >> 32) + struct.pack("<H", 1)
            + b"\0" * 64 + b"\0" * 190 + coding_history.encode("ascii"))
    fmt = struct.pack("<HHIIHH", 1, 1, RATE, RATE * 2, 2, 16)
    body = b"WAVE" + chunk(b"bext", bext) + chunk(b"fmt ", fmt) + chunk(b"data", clip16(samples).tobytes())
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", len(body)) + body)
    return time_ref


def utc(epoch, digits=6):
    """ISO-8601 UTC instant with the given number of fractional digits."""
    d = dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    s = d.strftime("%Y-%m-%dT%H:%M:%S.%f")
    return s[:len(s) - (6 - digits)] + "Z" if digits else d.strftime("%Y-%m-%dT%H:%M:%SZ")


def sip_messages(pcap):
    """SIP messages as tshark sees them: dicts with frame, time, line (request or status line), call_id,
    cseq, and the SDP media ports and directions."""
    out = subprocess.run(["tshark", "-r", pcap, "-Y", "sip", "-T", "fields", "-E", "occurrence=a",
                          "-E", "aggregator=|", "-e", "frame.number", "-e", "frame.time_epoch",
                          "-e", "sip.Request-Line", "-e", "sip.Status-Line", "-e", "sip.Call-ID",
                          "-e", "sip.CSeq", "-e", "sdp.media.port", "-e", "sdp.media_attr",
                          "-e", "udp.srcport", "-e", "udp.dstport"],
                         check=True, capture_output=True, text=True).stdout
    msgs = []
    for line in out.splitlines():
        f = line.split("\t")
        msgs.append(dict(frame=int(f[0]), time=float(f[1]), line=f[2] or f[3], call_id=f[4], cseq=f[5],
                         media_ports=[int(x) for x in f[6].split("|") if x], media_attrs=[x for x in f[7].split("|") if x],
                         src=int(f[8]), dst=int(f[9])))
    return msgs


def dump_json(obj, path):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def runs(stream, split_s=0.5):
    """Splits a stream into runs of packets separated by more than split_s of arrival time (a pause)."""
    out = [[stream[0]]]
    for p, q in zip(stream, stream[1:]):
        if q["time"] - p["time"] > split_s:
            out.append([])
        out[-1].append(q)
    return out

