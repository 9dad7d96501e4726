package io.seamline.capture;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Rebuilds each direction of each TCP connection into a byte stream and cuts SIP messages out of it
 * with Content-Length framing (RFC 3261 §18.3), directly or inside WebSocket frames (RFC 7118, RFC 6455
 * §5.2 with unmasking). Handles out-of-order segments, retransmissions, several messages in one
 * segment and one message over many segments; memory per direction is bounded.
 */
final class TcpSipReassembler {
    /** Bytes buffered per direction before the stream is given up as not SIP. */
    static final int MAX_BUFFER_BYTES = 256 * 1024;
    private static final int MAX_OUT_OF_ORDER_SEGMENTS = 128;
    private static final int MAX_DIRECTIONS = 4096;

    enum Mode { UNKNOWN, SIP, WEBSOCKET, TLS, OTHER }

    /** One side of a connection as seen by {@link #segment}. */
    record Endpoints(String srcIp, int srcPort, String dstIp, int dstPort) {
    }

    private static final class Direction {
        long nextSeq = -1;
        final TreeMap<Long, byte[]> outOfOrder = new TreeMap<>();
        byte[] buffer = new byte[4096];
        int length;
        Mode mode = Mode.UNKNOWN;
        byte[] wsMessage;
        int wsLength;

        void append(byte[] b, int off, int len) {
            if (length + len > buffer.length) {
                int size = Math.max(buffer.length * 2, length + len);
                byte[] grown = new byte[size];
                System.arraycopy(buffer, 0, grown, 0, length);
                buffer = grown;
            }
            System.arraycopy(b, off, buffer, length, len);
            length += len;
        }

        void consume(int n) {
            System.arraycopy(buffer, n, buffer, 0, length - n);
            length -= n;
        }
    }

    private final Map<Endpoints, Direction> directions = new LinkedHashMap<>();
    private final Consumer<String> warnings;
    private long tlsSegments;
    private long droppedStreams;

    TcpSipReassembler(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Feeds one TCP segment.
     *
     * @param seq   sequence number of the first payload byte (unsigned 32-bit)
     * @param syn   SYN flag: the stream starts at seq + 1
     * @param fin   FIN or RST: the direction ends after this segment
     * @param sink  receives each complete SIP message and its transport
     */
    void segment(Endpoints ends, long seq, boolean syn, boolean fin, byte[] data, int off, int len,
                 SipSink sink) {
        Direction d = directions.get(ends);
        if (d == null) {
            if (len == 0 && !syn) {
                return;
            }
            if (directions.size() >= MAX_DIRECTIONS) {
                Iterator<Endpoints> it = directions.keySet().iterator();
                it.next();
                it.remove();
                droppedStreams++;
            }
            d = new Direction();
            directions.put(ends, d);
        }
        if (syn) {
            d.nextSeq = (seq + 1) & 0xFFFF_FFFFL;
        }
        // No SYN seen (capture started mid-connection): hold segments until one begins a message,
        // so that a reordered start does not lose the message's first bytes.
        boolean started = d.nextSeq >= 0 || len > 0 && startOfStream(d, seq, data, off, len);
        if (len > 0 && started) {
            int diff = (int) (seq - d.nextSeq);
            if (diff < 0) {
                int skip = -diff;
                if (skip < len) {
                    deliver(d, data, off + skip, len - skip, sink);
                }
            } else if (diff > 0) {
                if (d.outOfOrder.size() < MAX_OUT_OF_ORDER_SEGMENTS) {
                    byte[] copy = new byte[len];
                    System.arraycopy(data, off, copy, 0, len);
                    d.outOfOrder.putIfAbsent(seq, copy);
                }
            } else {
                deliver(d, data, off, len, sink);
            }
            drainOutOfOrder(d, sink);
        }
        if (fin) {
            directions.remove(ends);
        }
    }

    /** Picks where a direction without SYN starts; false while still waiting for a message start. */
    private static boolean startOfStream(Direction d, long seq, byte[] data, int off, int len) {
        if (detect(data, off, len) != Mode.OTHER) {
            d.nextSeq = seq;
            return true;
        }
        if (d.outOfOrder.size() < MAX_OUT_OF_ORDER_SEGMENTS) {
            byte[] copy = new byte[len];
            System.arraycopy(data, off, copy, 0, len);
            d.outOfOrder.putIfAbsent(seq, copy);
            return false;
        }
        d.nextSeq = d.outOfOrder.firstKey();
        return true;
    }

    private void drainOutOfOrder(Direction d, SipSink sink) {
        boolean progressed = true;
        while (progressed && !d.outOfOrder.isEmpty()) {
            progressed = false;
            Iterator<Map.Entry<Long, byte[]>> it = d.outOfOrder.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Long, byte[]> e = it.next();
                int diff = (int) (e.getKey() - d.nextSeq);
                byte[] seg = e.getValue();
                if (diff <= 0) {
                    it.remove();
                    int skip = -diff;
                    if (skip < seg.length) {
                        deliver(d, seg, skip, seg.length - skip, sink);
                        progressed = true;
                        break;
                    }
                }
            }
        }
    }

    private void deliver(Direction d, byte[] data, int off, int len, SipSink sink) {
        d.nextSeq = (d.nextSeq + len) & 0xFFFF_FFFFL;
        if (d.mode == Mode.TLS) {
            tlsSegments++;
            return;
        }
        if (d.mode == Mode.OTHER || d.mode == Mode.UNKNOWN) {
            Mode detected = detect(data, off, len);
            if (detected == Mode.OTHER) {
                d.mode = Mode.OTHER;
                d.length = 0;
                return;
            }
            if (d.mode == Mode.OTHER) {
                d.length = 0;
            }
            d.mode = detected;
            if (detected == Mode.TLS) {
                tlsSegments++;
                return;
            }
        }
        if (d.length + len > MAX_BUFFER_BYTES) {
            warnings.accept("TCP stream buffer over " + MAX_BUFFER_BYTES + " bytes without a complete SIP message; stream dropped");
            d.mode = Mode.OTHER;
            d.length = 0;
            return;
        }
        d.append(data, off, len);
        if (d.mode == Mode.SIP) {
            cutSip(d, sink, SipTransport.TCP);
        } else if (d.mode == Mode.WEBSOCKET) {
            cutWebSocket(d, sink);
        }
    }

    private static Mode detect(byte[] b, int off, int len) {
        int start = off;
        while (start < off + len && (b[start] == '\r' || b[start] == '\n')) {
            start++;
        }
        int n = off + len - start;
        if (SipStartLine.matches(b, start, n)) {
            return Mode.SIP;
        }
        if (n >= 3 && (b[start] & 0xFF) >= 0x14 && (b[start] & 0xFF) <= 0x17 && b[start + 1] == 0x03 && (b[start + 2] & 0xFF) <= 0x04) {
            return Mode.TLS;
        }
        String head = new String(b, start, Math.min(n, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if ((head.startsWith("get ") || head.startsWith("http/1.1 101")) && head.contains("websocket")) {
            return Mode.WEBSOCKET;
        }
        return Mode.OTHER;
    }

    /** Cuts whole SIP messages off the front of the buffer: headers end at CRLFCRLF, body is Content-Length bytes. */
    private void cutSip(Direction d, SipSink sink, SipTransport transport) {
        while (true) {
            int start = 0;
            while (start < d.length && (d.buffer[start] == '\r' || d.buffer[start] == '\n')) {
                start++;
            }
            if (start > 0) {
                d.consume(start);
            }
            int headerEnd = indexOfBlankLine(d.buffer, 0, d.length);
            if (headerEnd < 0) {
                return;
            }
            int contentLength = contentLength(d.buffer, headerEnd);
            if (contentLength < 0 || contentLength > MAX_BUFFER_BYTES) {
                warnings.accept("SIP over TCP with unusable Content-Length; stream dropped");
                d.mode = Mode.OTHER;
                d.length = 0;
                return;
            }
            int total = headerEnd + contentLength;
            if (d.length < total) {
                return;
            }
            byte[] message = new byte[total];
            System.arraycopy(d.buffer, 0, message, 0, total);
            d.consume(total);
            sink.message(message, transport);
            if (d.length > 0 && !SipStartLine.matches(d.buffer, 0, d.length) && d.length >= 12) {
                d.mode = Mode.OTHER;
                d.length = 0;
                return;
            }
        }
    }

    /** RFC 6455 §5.2 frames; each complete text/binary message is one SIP message (RFC 7118 §5). */
    private void cutWebSocket(Direction d, SipSink sink) {
        if (d.wsMessage == null) {
            int httpEnd = indexOfBlankLine(d.buffer, 0, d.length);
            if (httpEnd < 0) {
                return;
            }
            d.consume(httpEnd);
            d.wsMessage = new byte[1024];
        }
        while (d.length >= 2) {
            int b0 = d.buffer[0] & 0xFF;
            int b1 = d.buffer[1] & 0xFF;
            boolean finalFrame = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            boolean masked = (b1 & 0x80) != 0;
            long payloadLength = b1 & 0x7F;
            int pos = 2;
            if (payloadLength == 126) {
                if (d.length < 4) {
                    return;
                }
                payloadLength = ((d.buffer[2] & 0xFF) << 8) | (d.buffer[3] & 0xFF);
                pos = 4;
            } else if (payloadLength == 127) {
                if (d.length < 10) {
                    return;
                }
                payloadLength = 0;
                for (int i = 2; i < 10; i++) {
                    payloadLength = (payloadLength << 8) | (d.buffer[i] & 0xFF);
                }
                pos = 10;
            }
            if (payloadLength < 0 || payloadLength > MAX_BUFFER_BYTES) {
                warnings.accept("WebSocket frame length " + payloadLength + " over limit; stream dropped");
                d.mode = Mode.OTHER;
                d.length = 0;
                return;
            }
            int maskAt = pos;
            if (masked) {
                pos += 4;
            }
            long frameEnd = pos + payloadLength;
            if (d.length < frameEnd) {
                return;
            }
            int len = (int) payloadLength;
            if (opcode == 0 || opcode == 1 || opcode == 2) {
                if (d.wsLength + len > MAX_BUFFER_BYTES) {
                    d.wsLength = 0;
                } else {
                    if (d.wsLength + len > d.wsMessage.length) {
                        byte[] grown = new byte[Math.max(d.wsMessage.length * 2, d.wsLength + len)];
                        System.arraycopy(d.wsMessage, 0, grown, 0, d.wsLength);
                        d.wsMessage = grown;
                    }
                    for (int i = 0; i < len; i++) {
                        byte v = d.buffer[pos + i];
                        if (masked) {
                            v ^= d.buffer[maskAt + (i & 3)];
                        }
                        d.wsMessage[d.wsLength + i] = v;
                    }
                    d.wsLength += len;
                }
                if (finalFrame) {
                    if (SipStartLine.matches(d.wsMessage, 0, d.wsLength)) {
                        byte[] message = new byte[d.wsLength];
                        System.arraycopy(d.wsMessage, 0, message, 0, d.wsLength);
                        sink.message(message, SipTransport.WS);
                    }
                    d.wsLength = 0;
                }
            }
            d.consume((int) frameEnd);
        }
    }

    private static int indexOfBlankLine(byte[] b, int from, int to) {
        for (int i = from; i + 3 < to; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** Content-Length (or its compact form "l", RFC 3261 §7.3.3) from the header block; 0 when absent. */
    static int contentLength(byte[] b, int headerEnd) {
        int lineStart = 0;
        for (int i = 0; i < headerEnd - 1; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                String line = new String(b, lineStart, i - lineStart, StandardCharsets.ISO_8859_1);
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    if (name.equals("content-length") || name.equals("l")) {
                        try {
                            return Integer.parseInt(line.substring(colon + 1).trim());
                        } catch (NumberFormatException e) {
                            return -1;
                        }
                    }
                }
                lineStart = i + 2;
            }
        }
        return 0;
    }

    /** @return TCP segments carried in TLS records (not analysed) */
    long tlsSegments() {
        return tlsSegments;
    }

    /** @return directions forgotten because too many were open at once */
    long droppedStreams() {
        return droppedStreams;
    }

    /** Receives SIP messages cut from a stream. */
    interface SipSink {
        void message(byte[] message, SipTransport transport);
    }
}
