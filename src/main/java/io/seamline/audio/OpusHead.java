package io.seamline.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The Opus identification header (RFC 7845 §5.1).
 *
 * @param version encapsulation version (major 0 is the only one understood)
 * @param channels output channel count
 * @param preSkip samples at 48 kHz to discard from the decoder output (§4.2)
 * @param inputSampleRateHz rate of the original input, informational only
 * @param outputGainQ8 output gain in dB as a signed Q7.8 number
 * @param mappingFamily channel mapping family (0 or 1 here)
 * @param streamCount Opus streams per packet (1 for family 0)
 * @param coupledCount stereo-coupled streams (channels - 1 for family 0)
 * @param mapping output channel to decoded channel table
 */
public record OpusHead(int version, int channels, int preSkip, long inputSampleRateHz, int outputGainQ8,
        int mappingFamily, int streamCount, int coupledCount, short[] mapping) {

    static OpusHead parse(Path file, byte[] d) throws AudioFormatException {
        if (d.length < 19 || d[0] != 'O' || d[1] != 'p' || d[2] != 'u' || d[3] != 's' || d[4] != 'H' || d[5] != 'e'
                || d[6] != 'a' || d[7] != 'd') {
            throw new AudioFormatException(file, "first Ogg packet is not an OpusHead (RFC 7845 §5.1)");
        }
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        int version = d[8] & 0xff;
        if ((version & 0xf0) != 0) {
            throw new AudioFormatException(file, "OpusHead version " + version + " has an unknown major version");
        }
        int channels = d[9] & 0xff;
        int family = d[18] & 0xff;
        if (channels == 0) {
            throw new AudioFormatException(file, "OpusHead declares zero channels");
        }
        int streams;
        int coupled;
        short[] mapping = new short[channels];
        if (family == 0) {
            if (channels > 2) {
                throw new AudioFormatException(file, "OpusHead mapping family 0 with " + channels + " channels");
            }
            streams = 1;
            coupled = channels - 1;
            for (int i = 0; i < channels; i++) {
                mapping[i] = (short) i;
            }
        } else if (family == 1) {
            if (channels > 8 || d.length < 21 + channels) {
                throw new AudioFormatException(file, "OpusHead mapping family 1 with " + channels
                        + " channels and a " + d.length + "-byte header");
            }
            streams = d[19] & 0xff;
            coupled = d[20] & 0xff;
            if (streams < 1 || coupled > streams || streams + coupled > 255) {
                throw new AudioFormatException(file, "OpusHead declares " + streams + " streams of which " + coupled
                        + " coupled");
            }
            for (int i = 0; i < channels; i++) {
                mapping[i] = (short) (d[21 + i] & 0xff);
                if (mapping[i] != 255 && mapping[i] >= streams + coupled) {
                    throw new AudioFormatException(file, "OpusHead maps channel " + i + " to decoded channel "
                            + mapping[i] + " of " + (streams + coupled));
                }
            }
        } else {
            throw new AudioFormatException(file, "unsupported Opus channel mapping family " + family);
        }
        return new OpusHead(version, channels, b.getShort(10) & 0xffff, b.getInt(12) & 0xffffffffL, b.getShort(16),
                family, streams, coupled, mapping);
    }
}
