package io.seamline.audio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the call tags of an audio file: a JSON sidecar ({@code NAME.json} or {@code NAME.wav.json} beside it) and
 * the SBC file-name habit {@code RECORDER_CALLID_TIMESTAMP.ext}, where TIMESTAMP is {@code yyyyMMdd'T'HHmmss[.fff]Z}
 * (UTC) or {@code yyyyMMdd-HHmmss} (local time of the case zone).
 */
public final class SidecarMetadataReader {
    private static final long MAX_SIDECAR_BYTES = 1 << 20;
    private static final Pattern SBC_NAME = Pattern.compile(
            "^(?<recorder>[^_]+)_(?<callid>.+)_(?<ts>\\d{8}T\\d{6}(?:\\.\\d{1,6})?Z|\\d{8}-\\d{6})\\.[A-Za-z0-9]+$");
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter LOCAL_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final List<String> CALL_ID_KEYS = List.of("callid", "call-id", "call_id", "sipcallid");
    private static final List<String> CONVERSATION_KEYS = List.of("conversationid", "conversation_id",
            "conversation-id");
    private static final List<String> START_KEYS = List.of("startutc", "start_utc", "start", "starttime");
    private static final List<String> RECORDER_KEYS = List.of("recorder", "sbc", "sbcname", "recordername", "source");

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Reads both sources for one audio file and merges them; the JSON sidecar wins where both speak and differ.
     *
     * @param audioFile the audio file
     * @param caseZone zone in which a file-name timestamp without {@code Z} was written
     * @return the tags found (empty sources when none)
     * @throws AudioFormatException if a sidecar exists but is not a JSON object or is larger than 1 MiB
     * @throws IOException if a sidecar cannot be read
     */
    public SidecarMetadata read(Path audioFile, ZoneId caseZone) throws IOException {
        List<String> sources = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String name = audioFile.getFileName().toString();
        String callId = null;
        String conversation = null;
        Instant start = null;
        String recorder = null;
        Optional<Path> sidecar = findSidecar(audioFile);
        if (sidecar.isPresent()) {
            JsonNode root = parse(sidecar.get());
            sources.add("sidecar:" + sidecar.get().getFileName());
            callId = text(root, CALL_ID_KEYS);
            conversation = text(root, CONVERSATION_KEYS);
            recorder = text(root, RECORDER_KEYS);
            String s = text(root, START_KEYS);
            if (s != null) {
                start = parseInstant(s);
                if (start == null) {
                    warnings.add(sidecar.get().getFileName() + ": startUtc '" + s + "' is not an ISO-8601 instant");
                }
            }
        }
        Matcher m = SBC_NAME.matcher(name);
        if (m.matches()) {
            sources.add("file-name");
            String nameCallId = m.group("callid");
            String nameRecorder = m.group("recorder");
            Instant nameStart = parseStamp(m.group("ts"), caseZone);
            if (nameStart == null) {
                warnings.add("file-name timestamp '" + m.group("ts") + "' is not a valid date and time");
            }
            callId = merge("Call-ID", callId, nameCallId, warnings);
            recorder = merge("recorder", recorder, nameRecorder, warnings);
            if (start == null) {
                start = nameStart;
            } else if (nameStart != null && Math.abs(ChronoUnit.MILLIS.between(start, nameStart)) >= 1000) {
                warnings.add("sidecar start " + start + " and file-name start " + nameStart + " differ");
            }
        }
        return new SidecarMetadata(audioFile, Optional.ofNullable(callId), Optional.ofNullable(conversation),
                Optional.ofNullable(start), Optional.ofNullable(recorder), sources, warnings);
    }

    private static Optional<Path> findSidecar(Path audioFile) {
        String name = audioFile.getFileName().toString();
        Path dir = audioFile.toAbsolutePath().getParent();
        List<String> candidates = new ArrayList<>();
        candidates.add(name + ".json");
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            candidates.add(name.substring(0, dot) + ".json");
        }
        for (String c : candidates) {
            Path p = dir.resolve(c);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private JsonNode parse(Path sidecar) throws IOException {
        if (Files.size(sidecar) > MAX_SIDECAR_BYTES) {
            throw new AudioFormatException(sidecar, "sidecar larger than " + MAX_SIDECAR_BYTES + " bytes");
        }
        try {
            JsonNode root = json.readTree(Files.readAllBytes(sidecar));
            if (root == null || !root.isObject()) {
                throw new AudioFormatException(sidecar, "sidecar is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new AudioFormatException(sidecar, "sidecar is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (CharConversionException e) {
            // Jackson reports bytes that are not UTF-8/16/32 text outside its JsonProcessingException family.
            throw new AudioFormatException(sidecar, "sidecar is not JSON text: " + e.getMessage(), e);
        }
    }

    /** Finds a scalar field by any of the keys, ignoring case, at the top level or under "metadata"/"call". */
    private static String text(JsonNode root, List<String> keys) {
        for (JsonNode node : new JsonNode[] {root, root.path("metadata"), root.path("call")}) {
            if (!node.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (keys.contains(e.getKey().toLowerCase(Locale.ROOT)) && e.getValue().isValueNode()
                        && !e.getValue().isNull()) {
                    String v = e.getValue().asText().strip();
                    if (!v.isEmpty()) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static Instant parseInstant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Instant parseStamp(String ts, ZoneId caseZone) {
        try {
            if (ts.endsWith("Z")) {
                String whole = ts.substring(0, 15);
                long micros = 0;
                if (ts.length() > 16) {
                    String frac = ts.substring(16, ts.length() - 1);
                    micros = Long.parseLong((frac + "000000").substring(0, 6));
                }
                return LocalDateTime.parse(whole, UTC_STAMP).toInstant(java.time.ZoneOffset.UTC).plus(micros,
                        ChronoUnit.MICROS);
            }
            return LocalDateTime.parse(ts, LOCAL_STAMP).atZone(caseZone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String merge(String what, String fromJson, String fromName, List<String> warnings) {
        if (fromJson == null) {
            return fromName;
        }
        if (!fromJson.equals(fromName)) {
            warnings.add("sidecar " + what + " '" + fromJson + "' differs from file-name " + what + " '" + fromName
                    + "'");
        }
        return fromJson;
    }
}
