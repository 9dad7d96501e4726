package io.seamline.analysis;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One timeline event (a SIP message, hold, codec change, media handoff, rejection ...) with its
 * kind-specific fields flattened into the JSON object ({@code show events --json}).
 */
public final class EventRecord {
    private long evidenceId;
    private Instant timeUtc;
    private String kind;
    private String callId;
    private String summary;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    EventRecord() {
    }

    public EventRecord(long evidenceId, Instant timeUtc, String kind, String callId, String summary,
            Map<String, ?> fields) {
        this.evidenceId = evidenceId;
        this.timeUtc = timeUtc;
        this.kind = kind;
        this.callId = callId == null ? "" : callId;
        this.summary = summary;
        this.fields.putAll(fields);
    }

    /** The capture the event was found in. */
    public long getEvidenceId() {
        return evidenceId;
    }

    /** When it happened, on the capture clock. */
    public Instant getTimeUtc() {
        return timeUtc;
    }

    /** The kind, e.g. {@code sip}, {@code hold}, {@code media-handoff}. */
    public String getKind() {
        return kind;
    }

    /** The SIP Call-ID it belongs to, or empty. */
    public String getCallId() {
        return callId;
    }

    /** One line in plain words. */
    public String getSummary() {
        return summary;
    }

    /** Kind-specific fields, e.g. {@code fromSsrc}, {@code toSsrc}, {@code gapMs} for a handoff. */
    @JsonAnyGetter
    public Map<String, Object> fields() {
        return fields;
    }

    @JsonAnySetter
    void field(String name, Object value) {
        fields.put(name, value);
    }

    /** A kind-specific field as a number, or NaN. */
    @JsonIgnore
    public double number(String name) {
        Object v = fields.get(name);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
