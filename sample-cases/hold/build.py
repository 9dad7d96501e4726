"""Hold sample: speech tracks before the capture (`speech`), recording and truth after it (`outputs`).

python3 build.py speech WORK       writes WORK/agent.ul and WORK/customer.ul
python3 build.py outputs WORK PCAP writes cloud-recording.wav and expected.json into this folder
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import samplekit as sk  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
HOLD_AT_S, HOLD_S, AFTER_S = 16.0, 12.0, 18.0
AGENT = dict(voice="en-gb+f3", speed=165, pitch=60)
CUSTOMER = dict(voice="en-us", speed=150, pitch=35)
ZONE = "Europe/London"

# (who, start in seconds of call time, text); nobody speaks during the hold (16 s to 28 s)
SCRIPT = [
    ("A", 0.5, "Hello, this is Priya from Northfield Insurance, returning your call about your home policy."),
    ("C", 6.6, "Yes, thanks for calling back. I wanted to check my renewal date."),
    ("A", 12.3, "Of course. Let me just put you on hold."),
    ("A", 28.6, "Thank you for holding. Your policy renews on the first of February."),
    ("C", 33.4, "Perfect. And will the price change?"),
    ("A", 36.9, "No, the premium stays the same. Is there anything else?"),
    ("C", 41.3, "No, that's everything. Thank you, goodbye."),
]


def speech(work):
    total = HOLD_AT_S + HOLD_S + AFTER_S
    segs = {"A": [], "C": []}
    spans = []
    for who, start, text in SCRIPT:
        s = sk.tts(text, **(AGENT if who == "A" else CUSTOMER)) * (0.8 if who == "A" else 0.9)
        end = start + len(s) / sk.RATE
        print("%s %5.1f-%5.1f %s" % (who, start, end, text[:40]))
        if start < HOLD_AT_S + HOLD_S + 0.3 and HOLD_AT_S < end + 0.5:
            raise SystemExit("turn %.1f-%.1f s overlaps the hold" % (start, end))
        if spans and start < spans[-1] + 0.4:
            raise SystemExit("turn at %.1f s starts before the previous one ends" % start)
        if end > total - 0.3:
            raise SystemExit("turn at %.1f s runs past the end of the call" % start)
        spans.append(end)
        # The customer's stream is paused (sipp keeps its file position) while held, so the customer's
        # file holds only talk time: what comes after the hold sits HOLD_S earlier in the file.
        segs[who].append((start if who == "A" or start < HOLD_AT_S else start - HOLD_S, s))
    # the agent's line during the hold is quiet (no music): the agent track's background noise only
    sk.write_ulaw(sk.track(total, segs["A"], seed=51), os.path.join(work, "agent.ul"))
    sk.write_ulaw(sk.track(total - HOLD_S, segs["C"], seed=52), os.path.join(work, "customer.ul"))


def hexs(ssrc):
    return "0x%08X" % ssrc


def outputs(work, pcap):
    pk = sk.rtp_packets(pcap)
    by_src = {s[0]["src"]: s for s in sk.streams(pk)}
    if sorted(by_src) != [6000, 7000]:
        raise SystemExit("expected one stream from each of ports 6000 and 7000, got %s" % sorted(by_src))
    agent, cust = by_src[6000], by_src[7000]
    sip = sk.sip_messages(pcap)
    invite = next(m for m in sip if m["line"].startswith("INVITE") and m["cseq"] == "1 INVITE")
    hold = next(m for m in sip if m["line"].startswith("INVITE") and m["cseq"] == "2 INVITE")
    hold_ok = next(m for m in sip if m["line"].startswith("SIP/2.0 200") and m["cseq"] == "2 INVITE")
    resume = next(m for m in sip if m["line"].startswith("INVITE") and m["cseq"] == "3 INVITE")
    resume_ok = next(m for m in sip if m["line"].startswith("SIP/2.0 200") and m["cseq"] == "3 INVITE")
    bye = next(m for m in sip if m["line"].startswith("BYE"))
    cust_runs = sk.runs(cust)
    if len(cust_runs) != 2:
        raise SystemExit("expected the customer's stream to pause once, found %d runs" % len(cust_runs))
    agent_runs = sk.runs(agent)
    if len(agent_runs) != 1:
        raise SystemExit("expected the agent's stream to run through the hold, found %d runs" % len(agent_runs))

    # Cloud recording: the recorder mixes both directions from the first RTP packet to the last and does
    # NOT pause on hold, so the hold is the agent's quiet line: low noise, never digital zero.
    t0 = min(agent[0]["time"], cust[0]["time"])
    t1 = max(s[-1]["time"] + len(s[-1]["payload"]) / sk.RATE for s in (agent, cust))
    mix = np.zeros(int(round((t1 - t0) * sk.RATE)))
    # Each stream is laid out by RTP timestamp from its first packet (sipp advanced the held stream's
    # timestamps across the pause), so the hold leaves no samples in the customer's direction.
    for s in (agent, cust):
        sk.place(mix, t0, s[0]["time"], sk.stream_audio(s))
    sk.write_wav(mix, os.path.join(HERE, "cloud-recording.wav"))
    q_from = cust_runs[0][-1]["time"] + 0.02
    q_to = cust_runs[1][0]["time"]
    quiet = sk.clip16(mix[int(round((q_from - t0) * sk.RATE)):int(round((q_to - t0) * sk.RATE))]).astype(float)
    zero_run = longest = 0
    for v in quiet:
        zero_run = zero_run + 1 if v == 0 else 0
        longest = max(longest, zero_run)

    def stream_desc(s, who):
        p = s[0]
        return {"direction": who, "srcPort": p["src"], "dstPort": p["dst"], "ssrc": hexs(p["ssrc"]),
                "payloadType": p["pt"], "packets": len(s), "firstPacketUtc": sk.utc(p["time"]),
                "lastPacketUtc": sk.utc(s[-1]["time"]), "firstSeq": p["seq"], "lastSeq": s[-1]["seq"]}

    a, b = cust_runs[0][-1], cust_runs[1][0]
    expected = {
        "case": "hold",
        "capture": "hold.pcap",
        "caseZone": ZONE,
        "callId": invite["call_id"],
        "sip": {"inviteUtc": sk.utc(invite["time"]), "byeUtc": sk.utc(bye["time"]),
                "holdReInviteUtc": sk.utc(hold["time"]), "holdOffer": "a=sendonly (from the agent)",
                "holdAnswer": "a=recvonly (from the customer)",
                "resumeReInviteUtc": sk.utc(resume["time"]), "resumeOffer": "a=sendrecv",
                "resumeAnswer": "a=sendrecv",
                "mediaPortsUnchanged": hold["media_ports"] == resume["media_ports"] == invite["media_ports"]
                and hold_ok["media_ports"] == resume_ok["media_ports"]},
        "rtpStreams": [stream_desc(agent, "agent->customer"), stream_desc(cust, "customer->agent")],
        "hold": {
            "cause": "hold",
            "heldParty": "customer",
            "holdStartUtc": sk.utc(hold["time"]), "holdEndUtc": sk.utc(resume["time"]),
            "holdDurationMs": round((resume["time"] - hold["time"]) * 1000, 3),
            "heldStream": {"srcPort": a["src"], "dstPort": a["dst"], "ssrc": hexs(a["ssrc"]),
                           "lastPacketBeforeHoldUtc": sk.utc(a["time"]), "lastSeqBeforeHold": a["seq"],
                           "firstPacketAfterResumeUtc": sk.utc(b["time"]), "firstSeqAfterResume": b["seq"],
                           "rtpTimestampStepAcrossHold": (b["ts"] - a["ts"]) % 2**32,
                           "silenceMs": round((b["time"] - a["time"]) * 1000, 3),
                           "sameSsrcAndPortsAfterResume": a["ssrc"] == b["ssrc"] and a["src"] == b["src"]
                           and a["dst"] == b["dst"]},
            "holdingStreamContinues": "the agent's stream (port 6000) runs through the hold carrying low noise",
            "mustReportAs": "hold",
            "mustNotReportAs": ["media handoff", "failover", "recording gap", "packet loss"],
        },
        "cloudRecording": {
            "file": "cloud-recording.wav", "sampleRateHz": sk.RATE, "durationS": round(len(mix) / sk.RATE, 4),
            "startUtc": sk.utc(t0),
            "quietSpan": {"fromS": round(q_from - t0, 4), "toS": round(q_to - t0, 4),
                          "rmsDbfs": round(20 * np.log10(np.sqrt(np.mean(quiet ** 2)) / 32768), 1),
                          "longestRunOfZeroSamples": longest,
                          "kind": "low noise (the agent's quiet line), not digital zero, nothing missing"},
            "missingSpans": [],
        },
    }
    sk.dump_json(expected, os.path.join(HERE, "expected.json"))


if __name__ == "__main__":
    if sys.argv[1] == "speech":
        speech(sys.argv[2])
    else:
        outputs(sys.argv[2], sys.argv[3])
