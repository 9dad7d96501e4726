"""SIPREC sample: the forked audio before the capture (`speech`), recording and truth after it (`outputs`).

python3 build.py speech WORK       writes WORK/forked.ul (the conversation from 5 s on: what the SRC forks)
python3 build.py outputs WORK PCAP writes recording.wav and expected.json into this folder
"""
import os
import re
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import samplekit as sk  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LATE_S, FORKED_S = 5.0, 20.0
AGENT = dict(voice="en-gb", speed=165, pitch=45)
CUSTOMER = dict(voice="en-us+f2", speed=155, pitch=55)
CONVERSATION_ID = "8e0a4c2d-61f7-4b39-a5d2-97c3e1f0b6a4"
PARTICIPANTS = [
    {"participantId": "p-customer", "aor": "sip:+441632960555@carrier.example.net", "name": "Customer"},
    {"participantId": "p-agent", "aor": "sip:agent.alex@cc.example.com", "name": "Alex (agent)"},
]
SIP_SESSION_ID = "9b41c7e2-ab35-4d0e-8c6f-2e1a7d53f904@sbc01.example.net"

# (who, earliest start in seconds from the start of the recorded call, text); the recorder gets audio from 5 s on
SCRIPT = [
    ("agent", 0.3, "Thank you for calling Northfield Insurance. This call is recorded. My name is Alex."),
    ("customer", 6.0, "Hi Alex. I'd like to update the address on my car insurance."),
    ("agent", 10.4, "Certainly. What is the new address?"),
    ("customer", 13.3, "Twelve Church Lane, Oxford, O X one, four A B."),
    ("agent", 17.6, "Thank you, that's updated from today."),
    ("customer", 21.0, "Great, thanks very much."),
]


def speech(work):
    total = LATE_S + FORKED_S
    segs, prev_end = [], -1.0
    for who, start, text in SCRIPT:
        s = sk.tts(text, **(AGENT if who == "agent" else CUSTOMER)) * 0.8
        start = max(start, prev_end + 0.5)
        end = start + len(s) / sk.RATE
        print("%-8s %5.1f-%5.1f %s" % (who, start, end, text[:40]))
        if start < prev_end + 0.4 or end > total - 0.3:
            raise SystemExit("turn at %.1f s overlaps the previous turn or the end" % start)
        prev_end = end
        segs.append((start, s))
    mixed = sk.track(total, segs, seed=71)
    sk.write_ulaw(mixed[int(LATE_S * sk.RATE):], os.path.join(work, "forked.ul"))


def outputs(work, pcap):
    sip = sk.sip_messages(pcap)
    invites = [m for m in sip if m["line"].startswith("INVITE")]
    if len(invites) != 2:
        raise SystemExit("expected two recording INVITEs, got %d" % len(invites))
    first, second = invites
    rejected = next(m for m in sip if m["call_id"] == first["call_id"] and m["line"].startswith("SIP/2.0 488"))
    answered = next(m for m in sip if m["call_id"] == second["call_id"] and m["line"].startswith("SIP/2.0 200")
                    and m["cseq"] == "1 INVITE")
    bye = next(m for m in sip if m["call_id"] == second["call_id"] and m["line"].startswith("BYE"))
    with open(pcap, "rb") as f:
        raw = f.read()
    for needle in (CONVERSATION_ID, SIP_SESSION_ID, "application/rs-metadata+xml", "G729/8000", "PCMU/8000"):
        if needle.encode() not in raw:
            raise SystemExit("%s not found in the capture" % needle)
    meta_start = re.search(rb"<start-time>([^<]+)</start-time>", raw).group(1).decode()
    streams = sk.streams(sk.rtp_packets(pcap))
    if len(streams) != 1:
        raise SystemExit("expected one forked RTP stream, got %d" % len(streams))
    st = streams[0]
    audio = sk.stream_audio(st)
    sk.write_wav(audio, os.path.join(HERE, "recording.wav"))
    late_ms = (st[0]["time"] - answered["time"]) * 1000
    lost = [{"who": w, "text": t, "note": "starts before the recording, ends in it"} for w, s, t in SCRIPT if s < LATE_S]
    expected = {
        "case": "siprec",
        "capture": "siprec.pcap",
        "recordingSessions": [
            {"callId": first["call_id"], "inviteUtc": sk.utc(first["time"]),
             "offeredCodec": {"payloadType": 18, "encoding": "G729/8000"},
             "response": {"status": 488, "reason": "Not Acceptable Here", "utc": sk.utc(rejected["time"]),
                          "warning": "304 srs.example.com \"Media type not available: recorder takes PCMU/PCMA only\""},
             "cause": "codec mismatch: the recorder takes G.711 only"},
            {"callId": second["call_id"], "inviteUtc": sk.utc(second["time"]),
             "offeredCodec": {"payloadType": 0, "encoding": "PCMU/8000"},
             "response": {"status": 200, "reason": "OK", "utc": sk.utc(answered["time"])},
             "byeUtc": sk.utc(bye["time"]),
             "body": "multipart/mixed: application/sdp + application/rs-metadata+xml (Content-Disposition: recording-session)",
             "metadata": {"conversationId": CONVERSATION_ID, "sipSessionId": SIP_SESSION_ID,
                          "startTime": meta_start,
                          "participants": PARTICIPANTS,
                          "streams": [{"streamId": "s-mixed", "label": "1",
                                       "sentBy": ["p-customer", "p-agent"], "note": "one mixed stream"}]},
             "sdp": {"srcMediaPort": second["media_ports"][0], "srsMediaPort": answered["media_ports"][0],
                     "srcDirection": "sendonly", "srsDirection": "recvonly"}},
        ],
        "rtp": {"srcPort": st[0]["src"], "dstPort": st[0]["dst"], "ssrc": "0x%08X" % st[0]["ssrc"],
                "payloadType": st[0]["pt"], "packets": len(st), "firstPacketUtc": sk.utc(st[0]["time"]),
                "lastPacketUtc": sk.utc(st[-1]["time"])},
        "lateMedia": {"cause": "late media forking", "answerUtc": sk.utc(answered["time"]),
                      "firstRtpUtc": sk.utc(st[0]["time"]), "lateStartMs": round(late_ms, 3),
                      "intendedLateStartS": LATE_S,
                      "speechNotRecorded": lost,
                      "note": "the recording begins mid-sentence; the call's first 5 s exist nowhere in this case"},
        "recording": {"file": "recording.wav", "sampleRateHz": sk.RATE, "durationS": round(len(audio) / sk.RATE, 4),
                      "startUtc": sk.utc(st[0]["time"]),
                      "startsLateBySRelativeToRecordingSession": round(late_ms / 1000, 3)},
    }
    sk.dump_json(expected, os.path.join(HERE, "expected.json"))


if __name__ == "__main__":
    if sys.argv[1] == "speech":
        speech(sys.argv[2])
    else:
        outputs(sys.argv[2], sys.argv[3])
