package io.seamline.audio;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusMSDecoder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.gagravarr.ogg.OggPacket;
import org.gagravarr.ogg.OggPacketReader;

/**
 * Streamed reader of Ogg Opus files (RFC 7845) decoded with Concentus to 16-bit PCM at 48 kHz.
 *
 * <p>Opening walks every Ogg page header (RFC 3533 §6) of the first logical stream to find the final granule
 * position and to catch a truncated page before any audio is delivered. Reading honours the pre-skip (RFC 7845
 * §4.2), trims the end to the final granule position (§4.4) and applies the output gain of the ID header (§5.1).
 * Channel mapping families 0 and 1 are supported (§5.1.1); lanes come out in Opus order, which for family 1 is
 * the Vorbis channel order (L, C, R for three channels), not the WAV order opusdec writes.
 */
public final class OggOpusReader implements AudioReader {
    /** Output rate of every Opus decoder here (RFC 7845 §4: granule positions count 48 kHz samples). */
    public static final int SAMPLE_RATE_HZ = 48_000;
    private static final int MAX_FRAME_SAMPLES = 5760;

    private final Path file;
    private final AudioStreamInfo info;
    private final OpusHead head;
    private final int serial;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final InputStream input;
    private final OggPacketReader packets;
    private final OpusDecoder decoder;
    private final OpusMSDecoder msDecoder;
    private final short[] pcm;
    private final float gain;
    private int pcmFrames;
    private int pcmPos;
    private long skipLeft;
    private long delivered;
    private long packetIndex;

    private OggOpusReader(Path file, OpusHead head, int serial, long frameCount, InputStream input, OggPacketReader packets)
            throws AudioFormatException {
        this.file = file;
        this.head = head;
        this.serial = serial;
        this.info = new AudioStreamInfo(file, "OGG_OPUS", SampleEncoding.OPUS, SAMPLE_RATE_HZ, head.channels(), 16,
                frameCount);
        this.input = input;
        this.packets = packets;
        this.skipLeft = head.preSkip();
        this.pcm = new short[MAX_FRAME_SAMPLES * head.channels()];
        // RFC 7845 §5.1: output gain is a Q7.8 number in dB to apply to the decoded output.
        this.gain = (float) Math.pow(10, head.outputGainQ8() / (20.0 * 256.0));
        try {
            if (head.mappingFamily() == 0) {
                this.decoder = new OpusDecoder(SAMPLE_RATE_HZ, head.channels());
                this.msDecoder = null;
            } else {
                this.decoder = null;
                this.msDecoder = OpusMSDecoder.create(SAMPLE_RATE_HZ, head.channels(), head.streamCount(),
                        head.coupledCount(), head.mapping());
            }
        } catch (OpusException | RuntimeException e) {
            throw new AudioFormatException(file, "Opus decoder rejects the ID header: " + e.getMessage(), e);
        }
    }

    /**
     * Opens an Ogg Opus file: checks the {@code OggS} magic, walks the page headers, reads OpusHead and OpusTags.
     *
     * @param file the file
     * @return a reader positioned at the first output sample (after pre-skip)
     * @throws AudioFormatException for a bad magic, a truncated or missing page, a bad OpusHead, an unsupported
     *     channel mapping, or no audio after pre-skip
     * @throws IOException if the file cannot be read
     */
    public static OggOpusReader open(Path file) throws IOException {
        PageWalk walk = walkPages(file);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            OggPacketReader reader = new OggPacketReader(in);
            OggPacket first = nextPacket(file, reader, walk.serial, 0);
            if (first == null) {
                throw new AudioFormatException(file, "Ogg stream has no packets");
            }
            OpusHead head = OpusHead.parse(file, first.getData());
            OggPacket tags = nextPacket(file, reader, walk.serial, 1);
            if (tags == null || !startsWith(tags.getData(), "OpusTags")) {
                throw new AudioFormatException(file, "second Ogg packet is not OpusTags (RFC 7845 §5.2)");
            }
            List<String> comments = parseComments(tags.getData());
            long frames = walk.lastGranule - head.preSkip();
            if (walk.lastGranule < 0 || frames <= 0) {
                throw new AudioFormatException(file, "zero samples: final granule position " + walk.lastGranule
                        + " is not past the pre-skip of " + head.preSkip());
            }
            OggOpusReader opened = new OggOpusReader(file, head, walk.serial, frames, in, reader);
            opened.comments.addAll(comments);
            return opened;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private record PageWalk(int serial, long lastGranule, long pages) {
    }

    /** Walks page headers only (RFC 3533 §6), seeking over bodies, so a 4 GB file costs one header read per page. */
    private static PageWalk walkPages(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos = 0;
            long pages = 0;
            int serial = 0;
            long lastGranule = -1;
            ByteBuffer h = ByteBuffer.allocate(27 + 255).order(ByteOrder.LITTLE_ENDIAN);
            while (pos < size) {
                h.clear().limit(27);
                readFully(ch, h, pos);
                if (h.position() < 4 || h.get(0) != 'O' || h.get(1) != 'g' || h.get(2) != 'g' || h.get(3) != 'S') {
                    throw new AudioFormatException(file, pages == 0
                            ? "not an Ogg file: magic is not 'OggS'"
                            : "no Ogg page at byte " + pos + " (capture pattern 'OggS' missing)");
                }
                if (h.position() < 27) {
                    throw new AudioFormatException(file, "truncated Ogg page at byte " + pos + ": header has "
                            + h.position() + " of 27 bytes");
                }
                if (h.get(4) != 0) {
                    throw new AudioFormatException(file, "Ogg page at byte " + pos + " has stream structure version "
                            + h.get(4) + ", not 0");
                }
                int segments = h.get(26) & 0xff;
                h.limit(27 + segments);
                readFully(ch, h, pos);
                if (h.position() < 27 + segments) {
                    throw new AudioFormatException(file, "truncated Ogg page at byte " + pos
                            + ": segment table cut short");
                }
                long body = 0;
                for (int i = 0; i < segments; i++) {
                    body += h.get(27 + i) & 0xff;
                }
                long end = pos + 27 + segments + body;
                if (end > size) {
                    throw new AudioFormatException(file, "truncated Ogg page at byte " + pos + ": body needs "
                            + body + " bytes, file has " + (size - pos - 27 - segments));
                }
                int pageSerial = h.getInt(14);
                if (pages == 0) {
                    serial = pageSerial;
                }
                long granule = h.getLong(6);
                // RFC 7845 §4.4: -1 means no packet ends on this page.
                if (pageSerial == serial && granule != -1) {
                    lastGranule = granule;
                }
                pages++;
                pos = end;
            }
            if (pages == 0) {
                throw new AudioFormatException(file, "empty file: no Ogg page");
            }
            return new PageWalk(serial, lastGranule, pages);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                return;
            }
        }
    }

    private static OggPacket nextPacket(Path file, OggPacketReader reader, int serial, long index)
            throws AudioFormatException {
        try {
            return reader.getNextPacketWithSid(serial);
        } catch (IOException | RuntimeException e) {
            // vorbis-java-core reports bad pages with IllegalArgumentException, EOFException or array errors.
            throw new AudioFormatException(file, "Ogg packet " + index + " cannot be read: " + e, e);
        }
    }

    private static boolean startsWith(byte[] data, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        if (data.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (data[i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the user comments of an OpusTags packet (RFC 7845 §5.2: vendor string, then a 32-bit little-endian count
     * of length-prefixed UTF-8 {@code NAME=value} strings). A list that overruns the packet ends where it does.
     */
    private static List<String> parseComments(byte[] d) {
        List<String> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        if (d.length < 16) {
            return out;
        }
        long vendor = b.getInt(8) & 0xffffffffL;
        long p = 12 + vendor;
        if (p + 4 > d.length) {
            return out;
        }
        long count = b.getInt((int) p) & 0xffffffffL;
        p += 4;
        for (long i = 0; i < count && p + 4 <= d.length; i++) {
            long len = b.getInt((int) p) & 0xffffffffL;
            p += 4;
            if (p + len > d.length) {
                break;
            }
            out.add(new String(d, (int) p, (int) len, StandardCharsets.UTF_8));
            p += len;
        }
        return out;
    }

    /** Returns the OpusTags user comments ({@code NAME=value}, RFC 7845 §5.2) in file order. */
    public List<String> comments() {
        return List.copyOf(comments);
    }

    /** Returns the parsed Opus ID header (RFC 7845 §5.1). */
    public OpusHead head() {
        return head;
    }

    @Override
    public AudioStreamInfo info() {
        return info;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public int read(float[][] lanes, int maxFrames) throws IOException {
        long left = info.frameCount() - delivered;
        if (left <= 0) {
            return -1;
        }
        int want = (int) Math.min(left, maxFrames);
        int out = 0;
        int channels = head.channels();
        while (out < want) {
            if (pcmPos >= pcmFrames && !decodeNext()) {
                break;
            }
            int n = Math.min(want - out, pcmFrames - pcmPos);
            for (int f = 0; f < n; f++) {
                int base = (pcmPos + f) * channels;
                for (int c = 0; c < channels; c++) {
                    lanes[c][out + f] = pcm[base + c] * gain / 32768f;
                }
            }
            pcmPos += n;
            out += n;
        }
        if (out == 0) {
            warnings.add("stream ended after " + delivered + " of " + info.frameCount()
                    + " samples promised by the final granule position");
            delivered = info.frameCount();
            return -1;
        }
        delivered += out;
        return out;
    }

    private boolean decodeNext() throws IOException {
        while (true) {
            OggPacket packet = nextPacket(file, packets, serial, packetIndex + 2);
            if (packet == null) {
                return false;
            }
            packetIndex++;
            byte[] data = packet.getData();
            if (data.length == 0) {
                // RFC 7845 §3: every Opus packet in Ogg has at least one byte (its TOC); skip the empty one.
                warnings.add("empty Ogg packet " + (packetIndex + 1) + " skipped");
                continue;
            }
            int n;
            try {
                n = decoder != null
                        ? decoder.decode(data, 0, data.length, pcm, 0, MAX_FRAME_SAMPLES, false)
                        : msDecoder.decodeMultistream(data, 0, data.length, pcm, 0, MAX_FRAME_SAMPLES, 0);
            } catch (OpusException | RuntimeException e) {
                throw new AudioFormatException(file, "Opus packet " + (packetIndex + 1) + " cannot be decoded: "
                        + e.getMessage(), e);
            }
            if (n < 0) {
                throw new AudioFormatException(file, "Opus packet " + (packetIndex + 1) + " cannot be decoded (error "
                        + n + ")");
            }
            pcmFrames = n;
            pcmPos = 0;
            // RFC 7845 §4.2: discard pre-skip samples from the start of the decoded output.
            if (skipLeft > 0) {
                int skip = (int) Math.min(skipLeft, n);
                pcmPos = skip;
                skipLeft -= skip;
            }
            if (pcmPos < pcmFrames) {
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
