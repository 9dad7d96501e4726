package io.seamline.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streamed reader of WAV/RIFF, RF64/BW64 (EBU Tech 3306, {@code ds64} chunk) and Broadcast Wave files.
 *
 * <p>Reads PCM 8/16/24/32-bit, IEEE float 32/64, G.711 µ-law and A-law, plain or as WAVE_FORMAT_EXTENSIBLE
 * (subformat GUID {@code xxxx0000-0000-0010-8000-00aa00389b71}), any channel count up to {@value #MAX_CHANNELS}.
 * Metadata chunks ({@code bext}, {@code LIST/INFO}, {@code iXML}) are read wherever they sit, also after the data.
 * A data chunk longer than the file is read as far as it goes, with a warning.
 */
public final class WavReader implements AudioReader {
    static final int MAX_CHANNELS = 64;
    private static final int MAX_META_BYTES = 4 << 20;
    private static final int MAX_CHUNKS = 100_000;
    private static final int WAVE_FORMAT_PCM = 1;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 3;
    private static final int WAVE_FORMAT_ALAW = 6;
    private static final int WAVE_FORMAT_MULAW = 7;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID derived from a format tag (mmreg.h), as stored. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private final Path file;
    private final SeekableByteChannel channel;
    private final AudioStreamInfo info;
    private final WavMetadata metadata;
    private final List<String> warnings;
    private final long dataStart;
    private final int blockAlign;
    private final int bytesPerSample;
    private ByteBuffer buffer;
    private short[] shorts;
    private long framesRead;

    private WavReader(Path file, SeekableByteChannel channel, AudioStreamInfo info, WavMetadata metadata,
            List<String> warnings, long dataStart, int blockAlign) {
        this.file = file;
        this.channel = channel;
        this.info = info;
        this.metadata = metadata;
        this.warnings = warnings;
        this.dataStart = dataStart;
        this.blockAlign = blockAlign;
        this.bytesPerSample = info.bitsPerSample() / 8;
    }

    /**
     * Opens a WAV, RF64 or BW64 file, checks its magic bytes and reads every chunk header.
     *
     * @param file the file
     * @return a reader positioned at the first frame
     * @throws AudioFormatException for a bad magic, a missing or unsupported {@code fmt }, an unknown codec, a missing
     *     {@code data} chunk or zero samples
     * @throws IOException if the file cannot be read
     */
    public static WavReader open(Path file) throws IOException {
        return open(FileChannel.open(file, StandardOpenOption.READ), file);
    }

    /**
     * Opens a WAV, RF64 or BW64 stream held somewhere other than a file (the case's evidence vault), as
     * {@link #open(Path)} does; the reader owns the channel and closes it.
     *
     * @param channel the bytes of the file, read from position 0 on (the position is moved as needed)
     * @param file the name errors and {@link AudioStreamInfo} give the stream (it need not exist)
     * @return a reader positioned at the first frame
     * @throws AudioFormatException as {@link #open(Path)}
     * @throws IOException if the channel cannot be read
     */
    public static WavReader open(SeekableByteChannel channel, Path file) throws IOException {
        try {
            return parse(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static WavReader parse(Path file, SeekableByteChannel ch) throws IOException {
        long fileSize = ch.size();
        List<String> warnings = new ArrayList<>();
        ByteBuffer head = readAt(ch, 0, 12);
        if (head.remaining() < 12) {
            throw new AudioFormatException(file, "too short for a RIFF header (" + fileSize + " bytes)");
        }
        String magic = fourCc(head, 0);
        String wave = fourCc(head, 8);
        boolean rf64 = magic.equals("RF64") || magic.equals("BW64");
        if (!(magic.equals("RIFF") || rf64) || !wave.equals("WAVE")) {
            throw new AudioFormatException(file, "not a WAV file: magic '" + printable(magic) + "'/'"
                    + printable(wave) + "', expected RIFF, RF64 or BW64 then WAVE");
        }
        long riffEnd = 8 + (head.getInt(4) & 0xffffffffL);
        Map<String, Long> ds64Sizes = new HashMap<>();
        long ds64DataSize = -1;
        WavFormat format = null;
        long dataStart = -1;
        long dataSize = -1;
        BextChunk bext = null;
        Map<String, String> info = new LinkedHashMap<>();
        String ixml = null;
        List<String> ids = new ArrayList<>();
        long pos = 12;
        while (pos + 8 <= fileSize) {
            if (ids.size() >= MAX_CHUNKS) {
                warnings.add("stopped reading chunk headers after " + MAX_CHUNKS + " chunks");
                break;
            }
            ByteBuffer h = readAt(ch, pos, 8);
            String id = fourCc(h, 0);
            long size = h.getInt(4) & 0xffffffffL;
            ids.add(id);
            if (rf64 && size == 0xffffffffL) {
                // EBU Tech 3306 §3: a 32-bit size of -1 means the real size is in ds64.
                size = id.equals("data") ? ds64DataSize : ds64Sizes.getOrDefault(id, -1L);
                if (size < 0) {
                    throw new AudioFormatException(file, "chunk '" + printable(id) + "' at byte " + pos
                            + " has size 0xFFFFFFFF but ds64 gives no size for it");
                }
            }
            long body = pos + 8;
            if (ids.size() == 1 && rf64 && !id.equals("ds64")) {
                throw new AudioFormatException(file, magic + " file whose first chunk is '" + printable(id)
                        + "', not ds64");
            }
            if (id.equals("data")) {
                dataStart = body;
                dataSize = size;
                if (size == 0 && body < fileSize && !looksLikeChunk(ch, body, fileSize)) {
                    // A recorder that stopped before patching its header leaves size 0 with the audio after it.
                    warnings.add("data chunk declares 0 bytes but " + (fileSize - body)
                            + " bytes follow it; header never finalised, reading to the end of the file");
                    dataSize = fileSize - body;
                    size = dataSize;
                } else if (body + size > fileSize) {
                    warnings.add("data chunk declares " + size + " bytes but the file ends after "
                            + (fileSize - body) + "; reading what is there");
                    dataSize = fileSize - body;
                }
            } else if (body + size > fileSize) {
                warnings.add("chunk '" + printable(id) + "' at byte " + pos + " declares " + size
                        + " bytes past the end of the file; ignored");
                break;
            } else if (id.equals("ds64")) {
                if (size < 28) {
                    throw new AudioFormatException(file, "ds64 chunk of " + size + " bytes, fewer than 28");
                }
                ByteBuffer d = readAt(ch, body, (int) Math.min(size, MAX_META_BYTES));
                riffEnd = 8 + d.getLong(0);
                ds64DataSize = d.getLong(8);
                long tableLength = d.getInt(24) & 0xffffffffL;
                for (long i = 0; i < tableLength && 28 + i * 12 + 12 <= d.limit(); i++) {
                    int at = (int) (28 + i * 12);
                    ds64Sizes.put(fourCc(d, at), d.getLong(at + 4));
                }
                if (ds64DataSize < 0) {
                    throw new AudioFormatException(file, "ds64 data size " + Long.toUnsignedString(ds64DataSize)
                            + " is negative as a signed 64-bit count");
                }
            } else if (id.equals("fmt ")) {
                if (size < 16 || size > 1024) {
                    throw new AudioFormatException(file, "fmt chunk of " + size + " bytes (expected 16 to 1024)");
                }
                format = WavFormat.parse(file, readAt(ch, body, (int) size));
            } else if (id.equals("bext") || id.equals("LIST") || id.equals("iXML")) {
                if (size > MAX_META_BYTES) {
                    warnings.add("chunk '" + id + "' of " + size + " bytes is larger than " + MAX_META_BYTES
                            + "; skipped");
                } else {
                    byte[] bytes = new byte[(int) size];
                    readAt(ch, body, (int) size).get(bytes);
                    if (id.equals("bext")) {
                        if (size < BextChunk.FIXED_SIZE) {
                            warnings.add("bext chunk of " + size + " bytes is shorter than " + BextChunk.FIXED_SIZE
                                    + "; ignored");
                        } else {
                            bext = BextChunk.parse(bytes);
                        }
                    } else if (id.equals("iXML")) {
                        ixml = stripNuls(new String(bytes, StandardCharsets.UTF_8));
                    } else {
                        readInfoList(bytes, info, warnings);
                    }
                }
            }
            // RIFF chunks are padded to an even length (Multimedia Programming Interface 1991, "RIFF chunks").
            long next = body + size + (size & 1);
            if (next <= pos) {
                break;
            }
            pos = next;
        }
        if (riffEnd > fileSize + 1) {
            warnings.add("RIFF size says the file has " + riffEnd + " bytes but it has " + fileSize);
        }
        if (format == null) {
            throw new AudioFormatException(file, "no fmt chunk");
        }
        if (dataStart < 0) {
            throw new AudioFormatException(file, "no data chunk");
        }
        long frames = dataSize / format.blockAlign();
        if (dataSize % format.blockAlign() != 0) {
            warnings.add("data chunk of " + dataSize + " bytes ends with a partial frame ("
                    + dataSize % format.blockAlign() + " bytes ignored)");
        }
        if (frames == 0) {
            throw new AudioFormatException(file, "data chunk holds zero samples");
        }
        AudioStreamInfo si = new AudioStreamInfo(file, magic, format.encoding(), format.sampleRateHz(),
                format.channels(), format.bitsPerSample(), frames);
        WavMetadata md = new WavMetadata(Optional.ofNullable(bext), info, Optional.ofNullable(ixml), ids);
        return new WavReader(file, ch, si, md, warnings, dataStart, format.blockAlign());
    }

    /** True when the bytes at {@code pos} are a plausible chunk header: a printable id whose body fits the file. */
    private static boolean looksLikeChunk(SeekableByteChannel ch, long pos, long fileSize) throws IOException {
        if (pos + 8 > fileSize) {
            return false;
        }
        ByteBuffer h = readAt(ch, pos, 8);
        for (int i = 0; i < 4; i++) {
            int c = h.get(i) & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return pos + 8 + (h.getInt(4) & 0xffffffffL) <= fileSize;
    }

    private static void readInfoList(byte[] bytes, Map<String, String> info, List<String> warnings) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 4 || !fourCc(b, 0).equals("INFO")) {
            return;
        }
        int p = 4;
        while (p + 8 <= bytes.length) {
            String id = fourCc(b, p);
            long size = b.getInt(p + 4) & 0xffffffffL;
            if (p + 8 + size > bytes.length) {
                warnings.add("LIST/INFO entry '" + printable(id) + "' overruns its list; ignored");
                return;
            }
            info.put(id, stripNuls(new String(bytes, p + 8, (int) size, StandardCharsets.ISO_8859_1)).strip());
            p += 8 + (int) size + (int) (size & 1);
        }
    }

    private static ByteBuffer readAt(SeekableByteChannel ch, long pos, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        fill(ch, b, pos);
        b.flip();
        return b;
    }

    /** Reads from byte {@code pos} until {@code b} is full or the stream ends. */
    private static void fill(SeekableByteChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch instanceof FileChannel file ? file.read(b, pos + b.position())
                    : ch.position(pos + b.position()).read(b);
            if (n < 0) {
                break;
            }
        }
    }

    static String fourCc(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            id[i] = at + i < b.limit() ? b.get(at + i) : 0;
        }
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    private static String stripNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Bytes per frame as the {@code fmt } chunk declares them (at least channels times bytes per sample). */
    public int blockAlignBytes() {
        return blockAlign;
    }

    /**
     * Byte offset in the file of the first frame of the {@code data} chunk; frames follow each other every
     * {@code blockAlign} bytes, samples little-endian as the {@code fmt } chunk says ({@link #info()}).
     */
    public long dataOffsetBytes() {
        return dataStart;
    }

    /** Returns the metadata chunks ({@code bext}, {@code LIST/INFO}, {@code iXML}) and the chunk list. */
    public WavMetadata metadata() {
        return metadata;
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
        long left = info.frameCount() - framesRead;
        if (left <= 0) {
            return -1;
        }
        int frames = (int) Math.min(Math.min(left, maxFrames), Math.max(1, (1 << 20) / blockAlign));
        int bytes = frames * blockAlign;
        if (buffer == null || buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear().limit(bytes);
        fill(channel, buffer, dataStart + framesRead * blockAlign);
        buffer.flip();
        frames = buffer.remaining() / blockAlign;
        if (frames == 0) {
            warnings.add("file ended at frame " + framesRead + " of " + info.frameCount() + " while reading");
            framesRead = info.frameCount();
            return -1;
        }
        decode(buffer, lanes, frames);
        framesRead += frames;
        return frames;
    }

    private void decode(ByteBuffer b, float[][] lanes, int frames) {
        int channels = info.channelCount();
        SampleEncoding enc = info.encoding();
        if (enc == SampleEncoding.PCM_S16 && blockAlign == 2 * channels) {
            decodePcm16(b, lanes, frames, channels);
            return;
        }
        int p = 0;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                lanes[c][f] = sample(b, p, enc);
                p += bytesPerSample;
            }
            p += blockAlign - channels * bytesPerSample;
        }
    }

    /** Packed 16-bit frames, the common case, read in bulk: the same value / 32768 as {@link #sample}. */
    private void decodePcm16(ByteBuffer b, float[][] lanes, int frames, int channels) {
        int count = frames * channels;
        if (shorts == null || shorts.length < count) {
            shorts = new short[count];
        }
        b.asShortBuffer().get(shorts, 0, count);
        if (channels == 1) {
            float[] lane = lanes[0];
            for (int f = 0; f < frames; f++) {
                lane[f] = shorts[f] / 32768f;
            }
            return;
        }
        for (int c = 0; c < channels; c++) {
            float[] lane = lanes[c];
            for (int f = 0, p = c; f < frames; f++, p += channels) {
                lane[f] = shorts[p] / 32768f;
            }
        }
    }

    private static float sample(ByteBuffer b, int p, SampleEncoding enc) {
        switch (enc) {
            case PCM_U8:
                return ((b.get(p) & 0xff) - 128) / 128f;
            case PCM_S16:
                return b.getShort(p) / 32768f;
            case PCM_S24:
                return ((b.get(p) & 0xff) | (b.get(p + 1) & 0xff) << 8 | b.get(p + 2) << 16) / 8388608f;
            case PCM_S32:
                return (float) (b.getInt(p) / 2147483648.0);
            case FLOAT32:
                return b.getFloat(p);
            case FLOAT64:
                return (float) b.getDouble(p);
            case MULAW:
                return G711.ulawToLinear(b.get(p) & 0xff) / 32768f;
            case ALAW:
                return G711.alawToLinear(b.get(p) & 0xff) / 32768f;
            default:
                return 0f;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The {@code fmt } chunk facts this reader needs (Microsoft WAVEFORMATEX / WAVEFORMATEXTENSIBLE). */
    record WavFormat(SampleEncoding encoding, int channels, int sampleRateHz, int blockAlign, int bitsPerSample) {

        static WavFormat parse(Path file, ByteBuffer f) throws AudioFormatException {
            int tag = f.getShort(0) & 0xffff;
            int channels = f.getShort(2) & 0xffff;
            long rate = f.getInt(4) & 0xffffffffL;
            int blockAlign = f.getShort(12) & 0xffff;
            int bits = f.getShort(14) & 0xffff;
            int codec = tag;
            if (tag == WAVE_FORMAT_EXTENSIBLE) {
                if (f.limit() < 40 || (f.getShort(16) & 0xffff) < 22) {
                    throw new AudioFormatException(file, "WAVE_FORMAT_EXTENSIBLE fmt chunk of " + f.limit()
                            + " bytes lacks the 22-byte extension");
                }
                for (int i = 0; i < GUID_TAIL.length; i++) {
                    if (f.get(26 + i) != GUID_TAIL[i]) {
                        throw new AudioFormatException(file, "unknown WAVE_FORMAT_EXTENSIBLE subformat GUID");
                    }
                }
                codec = f.getShort(24) & 0xffff;
            }
            if (channels < 1 || channels > MAX_CHANNELS) {
                throw new AudioFormatException(file, "fmt declares " + channels + " channels (1 to " + MAX_CHANNELS
                        + " supported)");
            }
            if (rate < 1 || rate > 1_000_000) {
                throw new AudioFormatException(file, "fmt declares a sample rate of " + rate + " Hz");
            }
            SampleEncoding enc = switch (codec) {
                case WAVE_FORMAT_PCM -> switch (bits) {
                    case 8 -> SampleEncoding.PCM_U8;
                    case 16 -> SampleEncoding.PCM_S16;
                    case 24 -> SampleEncoding.PCM_S24;
                    case 32 -> SampleEncoding.PCM_S32;
                    default -> null;
                };
                case WAVE_FORMAT_IEEE_FLOAT -> bits == 32 ? SampleEncoding.FLOAT32
                        : bits == 64 ? SampleEncoding.FLOAT64 : null;
                case WAVE_FORMAT_ALAW -> bits == 8 ? SampleEncoding.ALAW : null;
                case WAVE_FORMAT_MULAW -> bits == 8 ? SampleEncoding.MULAW : null;
                default -> throw new AudioFormatException(file, String.format(
                        "unsupported codec: WAVE format tag 0x%04X", codec));
            };
            if (enc == null) {
                throw new AudioFormatException(file, String.format(
                        "unsupported sample size: %d bits for WAVE format tag 0x%04X", bits, codec));
            }
            if (blockAlign < channels * (bits / 8)) {
                throw new AudioFormatException(file, "block align " + blockAlign + " is smaller than " + channels
                        + " channels of " + bits + " bits");
            }
            return new WavFormat(enc, channels, (int) rate, blockAlign, bits);
        }
    }
}
