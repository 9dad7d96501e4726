"""Failover sample: speech tracks before the capture (`speech`), recordings and truth after it (`outputs`).

python3 build.py speech WORK       writes WORK/{cust-1,cust-2,agent-1,agent-2}.ul and WORK/cust-gap.npy
python3 build.py outputs WORK PCAP writes the recordings, sidecar and expected.json into this folder
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import samplekit as sk  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PART1_S, GAP_S, PART2_S = 25.0, 17.0, 20.0
AGENT = dict(voice="en-gb+f3", speed=165, pitch=60)
CUSTOMER = dict(voice="en-us", speed=150, pitch=35)
ZONE = "Europe/London"
CONVERSATION_ID = "3f7d2c1a-8b64-4e0f-9a52-6c1e7b90d4a8"

# (who, start in seconds on the call's speech timeline, text)
SCRIPT = [
    ("A", 0.5, "Good morning, you're through to Northfield Insurance, this is Sam. Can I take your policy number please?"),
    ("C", 7.3, "Yes, hello. It's N F seven seven four, two nine one, eight three."),
    ("A", 13.9, "Thank you. N F seven seven four, two nine one, eight three. And your date of birth?"),
    ("C", 20.5, "The fourteenth of March, nineteen eighty one."),
    # the handoff window (25 s to 42 s): only the SBC hears this
    ("C", 25.6, "I'm calling about the claim for the water damage in the kitchen. The plumber came on Tuesday, "
                "and his report says the pipe burst behind the washing machine."),
    ("C", 36.0, "Hello? Are you still there? I can't hear you."),
    # after the handoff
    ("A", 42.5, "Sorry about that, I lost you for a moment. What did you say about the claim?"),
    ("C", 48.0, "The pipe burst behind the washing machine. The plumber's report is dated Tuesday."),
    ("A", 54.2, "Thank you. I've added that to claim C L four four zero nine."),
    ("C", 59.0, "Great, thanks. Bye."),
]


def speech(work):
    total = PART1_S + GAP_S + PART2_S
    segs = {"A": [], "C": []}
    for who, start, text in SCRIPT:
        s = sk.tts(text, **(AGENT if who == "A" else CUSTOMER)) * (0.8 if who == "A" else 0.9)
        segs[who].append((start, s))
        print("%s %5.1f-%5.1f %s" % (who, start, start + len(s) / sk.RATE, text[:40]))
    agent = sk.track(total, segs["A"], seed=11)
    cust = sk.track(total, segs["C"], seed=22)
    a, b = int(PART1_S * sk.RATE), int((PART1_S + GAP_S) * sk.RATE)
    # turns must not overlap, and no speech may cross the cut points (the legs end and begin in pauses)
    spans = sorted((start, start + len(s) / sk.RATE) for who in segs for start, s in segs[who])
    for (s0, e0), (s1, e1) in zip(spans, spans[1:]):
        if s1 < e0 + 0.4:
            raise SystemExit("turn at %.1f s starts before the previous one ends (%.1f s)" % (s1, e0))
    for s0, e0 in spans:
        for cut in (PART1_S, PART1_S + GAP_S, total):
            if s0 < cut + 0.3 and cut < e0 + 0.4:
                raise SystemExit("turn %.1f-%.1f s crosses the cut at %.1f s" % (s0, e0, cut))
    sk.write_ulaw(cust[:a], os.path.join(work, "cust-1.ul"))
    sk.write_ulaw(cust[b:], os.path.join(work, "cust-2.ul"))
    sk.write_ulaw(agent[:a], os.path.join(work, "agent-1.ul"))
    sk.write_ulaw(agent[b:], os.path.join(work, "agent-2.ul"))
    # what the customer said while no RTP flowed, coded and decoded through G.711 like the rest
    sk.write_ulaw(cust[a:b], os.path.join(work, "cust-gap.ul"))
    with open(os.path.join(work, "cust-gap.ul"), "rb") as f:
        np.save(os.path.join(work, "cust-gap.npy"), sk.decode_ulaw(f.read()))


def hexs(ssrc):
    return "0x%08X" % ssrc


def outputs(work, pcap):
    pk = sk.rtp_packets(pcap)
    by_src = {s[0]["src"]: s for s in sk.streams(pk)}
    if sorted(by_src) != [6000, 6100, 7000, 7200]:
        raise SystemExit("expected RTP from ports 6000, 6100, 7000, 7200, got %s" % sorted(by_src))
    cust_old, agent_old, cust_new, agent_new = by_src[6000], by_src[7000], by_src[6100], by_src[7200]
    audio = {k: sk.stream_audio(v) for k, v in by_src.items()}
    sip = sk.sip_messages(pcap)
    invite = next(m for m in sip if m["line"].startswith("INVITE") and m["cseq"] == "1 INVITE")
    answer = next(m for m in sip if m["line"].startswith("SIP/2.0 200") and m["cseq"] == "1 INVITE")
    reinvite = next(m for m in sip if m["line"].startswith("INVITE") and m["cseq"] == "2 INVITE")
    reanswer = next(m for m in sip if m["line"].startswith("SIP/2.0 200") and m["cseq"] == "2 INVITE")
    bye = next(m for m in sip if m["line"].startswith("BYE"))
    call_id = invite["call_id"]

    def end(s):  # epoch time at which the stream's last sample ends
        return s[0]["time"] + len(audio[s[0]["src"]]) / sk.RATE

    # Cloud recording: the recorder mixes what it receives from the first RTP packet to the last; it kept
    # nothing for the handoff window and joined the two sides of it (the span is missing, not silent).
    t0 = min(s[0]["time"] for s in by_src.values())
    t1 = max(end(s) for s in by_src.values())
    mix = np.zeros(int(round((t1 - t0) * sk.RATE)))
    for src, s in by_src.items():
        sk.place(mix, t0, s[0]["time"], audio[src])
    cut_from = max(end(cust_old), end(agent_old))
    cut_to = min(cust_new[0]["time"], agent_new[0]["time"])
    i, j = int(round((cut_from - t0) * sk.RATE)), int(round((cut_to - t0) * sk.RATE))
    cloud = np.concatenate([mix[:i], mix[j:]])
    sk.write_wav(cloud, os.path.join(HERE, "cloud-recording.wav"))

    # Edge buffer: the SBC records from the 200 OK to the BYE. Its start is put on the 125 us sample grid of
    # the bext TimeReference (samples since local midnight), so the header states the true start exactly.
    tz = sk.ZoneInfo(ZONE)
    local = sk.dt.datetime.fromtimestamp(answer["time"], tz)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
    t_edge = midnight + round((answer["time"] - midnight) * sk.RATE) / sk.RATE
    edge = sk.noise(int(round((bye["time"] - t_edge) * sk.RATE)), rms=20.0, seed=33)
    for src, s in by_src.items():
        sk.place(edge, t_edge, s[0]["time"], audio[src])
    # what the caller said while no RTP reached the media servers: the continuous customer track
    fill = np.load(os.path.join(work, "cust-gap.npy"))
    need = int(round((cust_new[0]["time"] - end(cust_old)) * sk.RATE))
    fill = fill[:need] if len(fill) >= need else np.concatenate([fill, sk.noise(need - len(fill), seed=44)])
    sk.place(edge, t_edge, end(cust_old), fill)
    stamp = sk.utc(t_edge, 3).replace("-", "").replace(":", "")
    name = "sbc01_%s_%s.wav" % (call_id, stamp)
    time_ref = sk.write_bwf(
        edge, os.path.join(HERE, name), t_edge, ZONE,
        description="SBC edge buffer, Call-ID %s, conversationId %s" % (call_id, CONVERSATION_ID),
        originator="sbc01", originator_ref="sbc01-edge-" + sk.utc(t_edge, 0)[:19].replace("-", "").replace(":", ""),
        coding_history="A=ULAW,F=8000,W=8,M=mono,T=RTP G.711 from the carrier and the media servers\r\n"
                       "A=PCM,F=8000,W=16,M=mono,T=sbc01 edge buffer mix\r\n")
    sk.dump_json({"callId": call_id, "conversationId": CONVERSATION_ID, "startUtc": sk.utc(t_edge),
                  "recorder": "sbc01"}, os.path.join(HERE, name + ".json"))

    def desc(s, who):
        p = s[0]
        return {"direction": who, "srcPort": p["src"], "dstPort": p["dst"], "ssrc": hexs(p["ssrc"]),
                "payloadType": p["pt"], "packets": len(s), "firstPacketUtc": sk.utc(p["time"]),
                "lastPacketUtc": sk.utc(s[-1]["time"]), "firstSeq": p["seq"], "lastSeq": s[-1]["seq"]}

    def move(old, new, who):
        return {"direction": who, "oldSsrc": hexs(old[0]["ssrc"]), "newSsrc": hexs(new[0]["ssrc"]),
                "oldSrcPort": old[0]["src"], "oldDstPort": old[0]["dst"],
                "newSrcPort": new[0]["src"], "newDstPort": new[0]["dst"],
                "lastOldPacketUtc": sk.utc(old[-1]["time"]), "firstNewPacketUtc": sk.utc(new[0]["time"]),
                "gapMs": round((new[0]["time"] - old[-1]["time"]) * 1000, 3)}

    last_old = max(cust_old[-1]["time"], agent_old[-1]["time"])
    first_new = min(cust_new[0]["time"], agent_new[0]["time"])
    window_speech = [{"who": "customer", "text": text, "approxStartUtc": sk.utc(end(cust_old) + (start - PART1_S), 1)}
                     for who, start, text in SCRIPT if who == "C" and PART1_S < start < PART1_S + GAP_S]
    expected = {
        "case": "failover",
        "capture": "failover.pcap",
        "caseZone": ZONE,
        "callId": call_id,
        "conversationId": CONVERSATION_ID,
        "sip": {"inviteUtc": sk.utc(invite["time"]), "answerUtc": sk.utc(answer["time"]),
                "reInviteUtc": sk.utc(reinvite["time"]), "reInviteOfferPort": reinvite["media_ports"][0],
                "reInviteAnswerPort": reanswer["media_ports"][0], "byeUtc": sk.utc(bye["time"])},
        "rtpStreams": [desc(cust_old, "customer->agent"), desc(agent_old, "agent->customer"),
                       desc(cust_new, "customer->agent"), desc(agent_new, "agent->customer")],
        "handoff": {
            "cause": "media server handoff (re-INVITE with new SDP, new SSRCs, new ports)",
            "lastOldPacketUtc": sk.utc(last_old), "firstNewPacketUtc": sk.utc(first_new),
            "gapMs": round((first_new - last_old) * 1000, 3),
            "note": "no RTP at all in either direction between lastOldPacketUtc and firstNewPacketUtc; "
                    "times are tshark frame.time_epoch",
            "perDirection": [move(cust_old, cust_new, "customer->agent"), move(agent_old, agent_new, "agent->customer")],
        },
        "cloudRecording": {
            "file": "cloud-recording.wav", "sampleRateHz": sk.RATE, "durationS": round(len(cloud) / sk.RATE, 4),
            "startUtc": sk.utc(t0),
            "endUtc": sk.utc(t1),
            "endNote": "the recording ends with the last RTP audio; the BYE follows %.3f s later. Placed by its "
                       "start, the file would seem to end %.3f s early: that is the missing span, not an early end"
                       % (bye["time"] - t1, (bye["time"] - t0) - len(cloud) / sk.RATE),
            "missingSpan": {"positionS": round(i / sk.RATE, 4), "lengthS": round((j - i) / sk.RATE, 4),
                            "fromUtc": sk.utc(t0 + i / sk.RATE), "toUtc": sk.utc(t0 + j / sk.RATE),
                            "kind": "cut out and joined (the file is shorter than the call), not silence"},
        },
        "edgeBuffer": {
            "file": name, "sidecar": name + ".json", "recorder": "sbc01", "sampleRateHz": sk.RATE,
            "startUtc": sk.utc(t_edge), "durationS": round(len(edge) / sk.RATE, 4),
            "bextOriginationDate": local.strftime("%Y-%m-%d"),
            "bextOriginationTime": sk.dt.datetime.fromtimestamp(t_edge, tz).strftime("%H:%M:%S"),
            "bextTimeReferenceSamples": time_ref,
            "startsAt": "the 200 OK to the first INVITE", "endsAt": "the BYE",
            "coversMissingSpan": True,
            "missingSpanInEdgeBuffer": {"fromS": round(cut_from - t_edge, 4), "toS": round(cut_to - t_edge, 4)},
            "speechInMissingSpan": window_speech,
        },
    }
    sk.dump_json(expected, os.path.join(HERE, "expected.json"))


if __name__ == "__main__":
    if sys.argv[1] == "speech":
        speech(sys.argv[2])
    else:
        outputs(sys.argv[2], sys.argv[3])
