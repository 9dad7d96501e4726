package io.seamline.analysis;

import io.seamline.rtp.RtpDecoder;
import io.seamline.rtp.RtpHeader;
import io.seamline.rtp.RtpPacketListener;
import io.seamline.rtp.RtpStreamKey;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decodes each RTP stream of a capture into a lane while the capture is read, placing every packet's
 * samples by its RTP timestamp (RFC 3550 §5.1) relative to the stream's first packet, and finishing
 * stretches as the pass moves on so memory stays bounded whatever the capture's length. Samples no
 * packet covered read as zeros <em>and</em> are listed as holes on the lane, so a hole is never
 * mistaken for audio.
 *
 * <p>G.711 lanes keep no PCM: a G.711 packet decodes on its own, so each lane chunk stores a packet index
 * ({@link PacketIndexWriter}: about 3 bytes a packet against 320 bytes of PCM) and its samples are
 * decoded again from the vaulted capture when read ({@link AnalysisStore#lanePcmChunk}). Writing the
 * PCM took most of an analysis of a long capture; reading a chunk back costs one vault chunk read and a
 * table look-up per sample. G.722 carries decoder state from packet to packet (ITU-T G.722 §3), so its
 * lanes store their PCM. Every lane's waveform pyramid is written during the pass.
 *
 * <p>The reading thread only finds each packet's lane and hands packets over in batches; placing,
 * decoding, pyramids and chunk writes run on a second thread, so the pass uses two cores. Call
 * {@link #drain} after the pass (before anything else writes to the case) and {@link #abandon} in a
 * {@code finally}.
 */
final class CaptureDecoder implements RtpPacketListener {
    /** Samples per stored PCM or packet-index chunk. */
    static final int CHUNK_SAMPLES = 65_536;
    /** How far behind the newest sample a late packet may still land. */
    static final int REORDER_SECONDS = 4;
    /** A forward timestamp jump beyond this is not believed (a corrupt or foreign packet). */
    static final long MAX_JUMP_SECONDS = 3600;

    /** Packets handed to the decoding thread at a time. */
    private static final int BATCH_PACKETS = 2048;
    /** Batches queued for the decoding thread before the reading thread waits. */
    private static final int QUEUED_BATCHES = 4;
    private static final Batch END = new Batch(0);

    private final long evidenceId;
    private final AnalysisStore store;
    private final Map<RtpStreamKey, Lane> lanes = new HashMap<>();
    private final Map<RtpStreamKey, String> undecodable = new HashMap<>();
    private final Map<RtpStreamKey, Lane> lanesByKeyInstance = new IdentityHashMap<>();
    private final BlockingQueue<Batch> queued = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final BlockingQueue<Batch> spare = new ArrayBlockingQueue<>(QUEUED_BATCHES + 2);
    private Batch filling;
    private Thread decodingThread;
    private volatile boolean stopping;
    private volatile Throwable failure;

    CaptureDecoder(long evidenceId, AnalysisStore store) {
        this.evidenceId = evidenceId;
        this.store = store;
    }

    /** How a stream was decoded: {@code "G.711 µ-law"}, or {@code "not decodable: G.729"}. */
    String decoding(RtpStreamKey key) {
        Lane lane = lanes.get(key);
        if (lane != null) {
            return lane.codec;
        }
        return undecodable.getOrDefault(key, "not decodable: no audio payload");
    }

    @Override
    public void packet(RtpStreamKey key, long frameNumber, Instant timeUtc, RtpHeader header, byte[] udpPayload) {
        packet(key, frameNumber, timeUtc, header, udpPayload, -1);
    }

    @Override
    public void packet(RtpStreamKey key, long frameNumber, Instant timeUtc, RtpHeader header, byte[] udpPayload,
            long udpPayloadOffset) {
        // The tap hands the same key instance for every packet of a stream: an identity look-up is enough.
        Lane lane = lanesByKeyInstance.get(key);
        if (lane == null) {
            lane = lanes.get(key);
            if (lane != null) {
                lanesByKeyInstance.put(key, lane);
            }
        }
        if (lane == null) {
            var decoder = RtpDecoder.forPayload(header.payloadType(), null);
            if (decoder.isEmpty()) {
                if (!isEventOrNoise(header.payloadType())) {
                    undecodable.putIfAbsent(key, RtpDecoder.notDecodable(header.payloadType(), null));
                }
                return;
            }
            lane = new Lane(key, decoder.get(), header.payloadType(), header.timestamp(), timeUtc);
            lanes.put(key, lane);
            lanesByKeyInstance.put(key, lane);
        }
        if (header.payloadType() != lane.payloadType) {
            return;
        }
        if (filling == null) {
            filling = spare.poll();
            if (filling == null) {
                filling = new Batch(BATCH_PACKETS);
            }
        }
        filling.add(lane, header.timestamp(), udpPayload, header.payloadOffset(), header.payloadLength(),
                udpPayloadOffset < 0 ? -1 : udpPayloadOffset + header.payloadOffset());
        if (filling.size == BATCH_PACKETS) {
            handOver(filling);
            filling = null;
        }
    }

    /**
     * Waits until every packet handed over so far is placed. Call after the capture pass and before anything
     * else writes to the case: until then the decoding thread writes lane chunks on the case's connection.
     *
     * @throws SQLException if writing a lane chunk failed
     */
    void drain() throws SQLException {
        if (filling != null && filling.size > 0) {
            handOver(filling);
        }
        filling = null;
        if (decodingThread == null) {
            return;
        }
        handOver(END);
        join();
        Throwable t = failure;
        if (t instanceof SQLException sql) {
            throw sql;
        } else if (t instanceof RuntimeException runtime) {
            throw runtime;
        } else if (t instanceof Error error) {
            throw error;
        }
    }

    /** Stops the decoding thread without waiting for queued packets (after a failed or cancelled pass). */
    void abandon() {
        if (decodingThread == null || !decodingThread.isAlive()) {
            return;
        }
        stopping = true;
        queued.clear();
        queued.offer(END);
        join();
    }

    /**
     * Queues a batch for the decoding thread, starting it with the first one: reading and dissecting the
     * capture and decoding its lanes then share the work between two cores.
     */
    private void handOver(Batch batch) {
        if (decodingThread == null) {
            decodingThread = new Thread(this::decodeQueued, "capture-lane-decoder");
            decodingThread.setDaemon(true);
            decodingThread.start();
        }
        try {
            queued.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedSqlException(new SQLException("interrupted while decoding capture lanes", e));
        }
    }

    private void decodeQueued() {
        while (true) {
            Batch batch;
            try {
                batch = queued.take();
            } catch (InterruptedException e) {
                failure = e;
                return;
            }
            if (batch == END) {
                return;
            }
            if (failure == null && !stopping) {
                try {
                    for (int i = 0; i < batch.size; i++) {
                        batch.lane[i].add(batch.timestamp[i], batch.payload[i], batch.offset[i], batch.length[i],
                                batch.captureOffset[i]);
                    }
                } catch (SQLException | RuntimeException | Error e) {
                    failure = e;
                }
            }
            batch.clear();
            spare.offer(batch);
        }
    }

    private void join() {
        try {
            decodingThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedSqlException(new SQLException("interrupted while decoding capture lanes", e));
        }
    }

    /** Packets on their way to the decoding thread; payload arrays are the taps' own, never modified. */
    private static final class Batch {
        final Lane[] lane;
        final long[] timestamp;
        final byte[][] payload;
        final int[] offset;
        final int[] length;
        final long[] captureOffset;
        int size;

        Batch(int capacity) {
            lane = new Lane[capacity];
            timestamp = new long[capacity];
            payload = new byte[capacity][];
            offset = new int[capacity];
            length = new int[capacity];
            captureOffset = new long[capacity];
        }

        void add(Lane l, long ts, byte[] bytes, int off, int len, long at) {
            lane[size] = l;
            timestamp[size] = ts;
            payload[size] = bytes;
            offset[size] = off;
            length[size] = len;
            captureOffset[size] = at;
            size++;
        }

        void clear() {
            Arrays.fill(lane, 0, size, null);
            Arrays.fill(payload, 0, size, null);
            size = 0;
        }
    }

    /**
     * Flushes every lane and stores its final record; streams give each lane its call and direction. Call
     * after {@link #drain}.
     */
    void finish(List<StreamRecord> streams) throws SQLException {
        // One map rather than a search per lane: a capture may hold thousands of streams.
        Map<String, StreamRecord> byKey = new HashMap<>();
        for (StreamRecord s : streams) {
            byKey.putIfAbsent(s.srcIp() + "|" + s.srcPort() + "|" + s.dstIp() + "|" + s.dstPort() + "|" + s.ssrc(), s);
        }
        for (Lane lane : lanes.values()) {
            RtpStreamKey k = lane.key;
            lane.finish(byKey.get(k.srcIp() + "|" + k.srcPort() + "|" + k.dstIp() + "|" + k.dstPort() + "|"
                    + String.format(Locale.ROOT, "0x%08X", k.ssrc())));
        }
    }

    /** Wraps SQL failures thrown from inside the capture pass; the analyzer unwraps them. */
    static final class UncheckedSqlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static boolean isEventOrNoise(int pt) {
        return pt == 13 || (pt >= 96 && pt <= 127);
    }

    private final class Lane {
        final RtpStreamKey key;
        final RtpDecoder decoder;
        final String codec;
        final int payloadType;
        final int rateHz;
        /** Samples per RTP timestamp unit: 2 for G.722, whose RTP clock is 8 kHz for 16 kHz audio (RFC 3551 §4.5.2). */
        final int samplesPerTick;
        final Instant firstPacketUtc;
        final long firstTimestamp;
        /**
         * The samples not yet flushed: for lanes whose packets decode on their own (G.711), the payload
         * octets themselves, decoded when a chunk is flushed (half the memory of 16-bit samples, which
         * counts with hundreds of streams at once); otherwise decoded 16-bit samples.
         */
        final byte[] codes;
        /** For G.711 lanes: each code's 16-bit sample and its square ({@link LanePyramidWriter#codeTable}). */
        final long[] codeTable;
        final short[] window;
        final int windowLength;
        /** Sample ranges {@code [start, end)} that packets filled and that are not yet flushed, in order. */
        final ArrayDeque<long[]> covered = new ArrayDeque<>();
        final LanePyramidWriter pyramid;
        /** The packet index when packets decode on their own, else {@code null} and the PCM is stored. */
        final PacketIndexWriter index;
        final List<long[]> holes = new ArrayList<>();
        long laneId = -1;
        long lastUnwrapped;
        long flushedUpTo;
        long endPosition;
        int chunkIndex;
        long dropped;

        Lane(RtpStreamKey key, RtpDecoder decoder, int payloadType, long firstTimestamp, Instant firstPacketUtc) {
            this.key = key;
            this.decoder = decoder;
            this.codec = decoder.codecName();
            this.rateHz = decoder.sampleRateHz();
            this.samplesPerTick = rateHz / 8000;
            this.pyramid = new LanePyramidWriter(rateHz);
            this.index = decoder.decodesPacketsIndependently() ? new PacketIndexWriter(payloadType, CHUNK_SAMPLES)
                    : null;
            this.payloadType = payloadType;
            this.firstTimestamp = firstTimestamp;
            this.lastUnwrapped = firstTimestamp;
            this.firstPacketUtc = firstPacketUtc;
            this.windowLength = CHUNK_SAMPLES + REORDER_SECONDS * this.rateHz;
            this.codes = index != null ? new byte[windowLength] : null;
            this.window = index != null ? null : new short[windowLength];
            if (codes != null) {
                byte[] every = new byte[256];
                for (int c = 0; c < 256; c++) {
                    every[c] = (byte) c;
                }
                short[] linear = new short[256];
                decoder.decode(every, 0, 256, linear, 0);
                codeTable = LanePyramidWriter.codeTable(linear);
            } else {
                codeTable = null;
            }
        }

        /**
         * Places one payload.
         *
         * @param captureOffset the payload's first byte in the capture file, or -1 when it is not contiguous there
         */
        void add(long timestamp, byte[] payload, int offset, int length, long captureOffset) throws SQLException {
            long unwrapped = unwrap(timestamp);
            long position = (unwrapped - firstTimestamp) * samplesPerTick;
            int samples = decoder.sampleCount(length);
            // A payload longer than a chunk (8 s) is no real packet and would not fit the window.
            if (position < flushedUpTo || position - endPosition > MAX_JUMP_SECONDS * rateHz
                    || samples > CHUNK_SAMPLES) {
                dropped++;
                return;
            }
            long end = position + samples;
            while (end - flushedUpTo > windowLength) {
                flushChunk(CHUNK_SAMPLES);
            }
            if (codes != null) {
                System.arraycopy(payload, offset, codes, (int) (position - flushedUpTo), length);
            } else {
                decoder.decode(payload, offset, length, window, (int) (position - flushedUpTo));
            }
            if (index != null) {
                index.add(position, samples, payload, offset, length, captureOffset);
            }
            cover(position, end);
            endPosition = Math.max(endPosition, end);
        }

        /** RTP timestamps are 32-bit and wrap (RFC 3550 §5.1); extend them to 64 bits near the last one. */
        private long unwrap(long timestamp) {
            long candidate = (lastUnwrapped & ~0xFFFFFFFFL) | timestamp;
            if (candidate - lastUnwrapped > 0x80000000L) {
                candidate -= 0x100000000L;
            } else if (lastUnwrapped - candidate > 0x80000000L) {
                candidate += 0x100000000L;
            }
            lastUnwrapped = Math.max(lastUnwrapped, candidate);
            return candidate;
        }

        /** Records {@code [from, to)} as filled by a packet, merging with its neighbours. */
        private void cover(long from, long to) {
            long[] last = covered.peekLast();
            if (last != null && from <= last[1] && from >= last[0]) {
                last[1] = Math.max(last[1], to);
            } else if (last == null || from > last[1]) {
                covered.addLast(new long[] {from, to});
            } else {
                // A late packet before the newest range: insert in order (rare; reordering is bounded).
                List<long[]> all = new ArrayList<>(covered);
                all.add(new long[] {from, to});
                all.sort((x, y) -> Long.compare(x[0], y[0]));
                covered.clear();
                for (long[] r : all) {
                    long[] tail = covered.peekLast();
                    if (tail != null && r[0] <= tail[1]) {
                        tail[1] = Math.max(tail[1], r[1]);
                    } else {
                        covered.addLast(r);
                    }
                }
            }
        }

        private void flushChunk(int samples) throws SQLException {
            ensureLaneRow();
            long chunkEnd = flushedUpTo + samples;
            long cursor = flushedUpTo;
            // Covered stretches and holes in order: G.711 codes go to the pyramid through the decoder's table
            // without being decoded (nothing else needs the samples: the packet index is stored instead of PCM).
            while (cursor < chunkEnd) {
                long[] range = covered.peekFirst();
                if (range == null || range[0] >= chunkEnd) {
                    hole(cursor, chunkEnd);
                    break;
                }
                if (range[0] > cursor) {
                    hole(cursor, range[0]);
                    cursor = range[0];
                }
                long to = Math.max(cursor, Math.min(range[1], chunkEnd));
                if (to > cursor) {
                    int from = (int) (cursor - flushedUpTo);
                    if (codes != null) {
                        pyramid.acceptCodes(codes, from, (int) (to - cursor), codeTable);
                    } else {
                        pyramid.accept(window, from, (int) (to - cursor));
                    }
                }
                cursor = to;
                if (range[1] <= chunkEnd) {
                    covered.pollFirst();
                }
            }
            if (index != null) {
                store.putLanePackets(laneId, chunkIndex, index.take(chunkIndex));
            } else {
                byte[] pcm = new byte[samples * 2];
                for (int i = 0; i < samples; i++) {
                    short v = window[i];
                    pcm[2 * i] = (byte) v;
                    pcm[2 * i + 1] = (byte) (v >> 8);
                }
                store.putLanePcm(laneId, chunkIndex, pcm);
            }
            chunkIndex++;
            if (codes != null) {
                System.arraycopy(codes, samples, codes, 0, windowLength - samples);
            } else {
                System.arraycopy(window, samples, window, 0, windowLength - samples);
                Arrays.fill(window, windowLength - samples, windowLength, (short) 0);
            }
            flushedUpTo = chunkEnd;
        }

        /** Lists {@code [start, end)} as a hole, zeros in the pyramid (the octets or samples there are stale). */
        private void hole(long start, long end) {
            addHole(start, end);
            if (window != null) {
                Arrays.fill(window, (int) (start - flushedUpTo), (int) (end - flushedUpTo), (short) 0);
            }
            pyramid.acceptSilence(end - start);
        }

        private void addHole(long start, long end) {
            if (!holes.isEmpty() && holes.get(holes.size() - 1)[1] == start) {
                holes.get(holes.size() - 1)[1] = end;
            } else {
                holes.add(new long[] {start, end});
            }
        }

        private void ensureLaneRow() throws SQLException {
            if (laneId < 0) {
                laneId = store.putLane(new LaneRecord(0, evidenceId, 0, key.toString(), "capture", "", rateHz, 0,
                        firstPacketUtc, "capture clock", codec, List.of()), null);
            }
        }

        void finish(StreamRecord stream) throws SQLException {
            while (flushedUpTo < endPosition) {
                flushChunk((int) Math.min(CHUNK_SAMPLES, endPosition - flushedUpTo));
            }
            ensureLaneRow();
            String name = stream == null ? key.toString()
                    : (stream.direction() == null ? "capture" : stream.direction()) + " " + stream.ssrc() + " "
                            + stream.srcIp() + ":" + stream.srcPort() + "->" + stream.dstIp() + ":" + stream.dstPort();
            String note = codec + (dropped > 0 ? ", " + dropped + " late packets not placed" : "")
                    + (holes.isEmpty() ? "" : ", " + holes.size() + " hole(s) without packets");
            store.finishLane(laneId, new LaneRecord(laneId, evidenceId, 0, name, "capture",
                    stream == null ? "" : stream.callId(), rateHz, flushedUpTo, firstPacketUtc, "capture clock",
                    note, holes), pyramid.finish());
        }
    }
}
