package io.seamline.capture;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the records of one capture container (pcap or pcapng) from a stream, one at a time.
 *
 * <p>Readers never hold the whole file in memory. A file cut off in the middle of a record ends the
 * stream early with a warning naming the byte offset; an impossible record length is a
 * {@link CaptureFormatException}.
 */
public interface CaptureReader {

    /** Largest record this reader accepts, in bytes: above any real snap length (Wireshark caps at 256 KiB). */
    int MAX_RECORD_BYTES = 256 * 1024;

    /**
     * Next record in file order.
     *
     * @return the record, or {@code null} at the end of the capture (or at a truncation, see {@link #warnings()})
     * @throws CaptureFormatException if a record header is impossible
     * @throws IOException            if the stream fails
     */
    CaptureRecord next() throws IOException;

    /** @return bytes consumed from the stream so far */
    long bytesRead();

    /** @return warnings found so far, one line each, naming the file and byte offset */
    List<String> warnings();

    /** @return "pcap" or "pcapng" */
    String formatName();

    /**
     * Opens a capture by sniffing its first four bytes.
     *
     * @param in   the capture bytes; buffered here, not closed by the reader
     * @param name display name of the file, used in messages
     * @return a reader for pcap (either byte order, micro- or nanosecond) or pcapng
     * @throws CaptureFormatException if the stream is not a pcap or pcapng capture
     */
    static CaptureReader open(InputStream in, String name) throws IOException {
        CountingInput input = new CountingInput(in, name);
        byte[] magic = new byte[4];
        int got = input.readFully(magic, 0, 4);
        if (got < 4) {
            throw new CaptureFormatException(name + ": not a capture file (only " + got + " bytes)");
        }
        int be = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | ((magic[2] & 0xFF) << 8) | (magic[3] & 0xFF);
        if (be == PcapngReader.BLOCK_SHB) {
            return new PcapngReader(input, name);
        }
        for (int m : PcapReader.MAGICS) {
            if (be == m || Integer.reverseBytes(be) == m) {
                return new PcapReader(input, name, be);
            }
        }
        throw new CaptureFormatException(String.format("%s: not a pcap or pcapng capture (magic 0x%08X at offset 0)", name, be));
    }
}
