package io.seamline.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;

/** Replays a JSON fixture made by captures/extract-sip.py into a DialogTracker, in capture order. */
final class CaptureFixture {
    private CaptureFixture() {
    }

    static JsonNode messages(String resource) throws IOException {
        return new ObjectMapper().readTree(Fixtures.bytes(resource)).get("messages");
    }

    static Instant time(JsonNode m) {
        BigDecimal epoch = new BigDecimal(m.get("timeEpoch").asText());
        long seconds = epoch.longValue();
        long micros = epoch.subtract(BigDecimal.valueOf(seconds)).movePointRight(6).longValue();
        return Instant.ofEpochSecond(seconds, micros * 1000);
    }

    static SipAnalysis analyse(String resource) throws IOException {
        DialogTracker tracker = new DialogTracker();
        for (JsonNode m : messages(resource)) {
            tracker.accept(Base64.getDecoder().decode(m.get("payloadBase64").asText()), time(m), m.get("srcIp").asText(),
                    m.get("srcPort").asInt(), m.get("dstIp").asText(), m.get("dstPort").asInt(), m.get("transport").asText(),
                    m.get("frame").asLong());
        }
        return tracker.finish();
    }
}
