package io.seamline.rtp.bench;

import io.seamline.capture.CaptureAnalyzer;
import io.seamline.capture.CaptureReader;
import io.seamline.capture.CaptureRecord;
import io.seamline.capture.CaptureTap;
import io.seamline.capture.UdpDatagram;
import io.seamline.rtp.RtpStreamTap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.UdpPacket;

/**
 * Where the time goes reading a mostly-UDP capture (heplify-FAX-Call-t38, 1.5 MB, 7217 frames, all UDP):
 * container reading alone, reading plus our dissection to UDP, reading plus pcap4j's packet classes down
 * to UDP, and the whole RTP stream analysis. Not run by the tests; run with
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main CaptureDissectionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaptureDissectionBenchmark {
    private byte[] capture;

    /** Loads the capture into memory so disk speed does not count. */
    @Setup
    public void load() throws IOException {
        Path shared = Path.of(System.getProperty("seamline.shared", "../shared"));
        capture = Files.readAllBytes(shared.resolve("captures/public/heplify-FAX-Call-t38-CA-TDM-SIP-FB-1.pcap"));
    }

    /** Container reading only: the baseline the others include. */
    @Benchmark
    public void readOnly(Blackhole sink) throws IOException {
        CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(capture), "bench");
        CaptureRecord r;
        while ((r = reader.next()) != null) {
            sink.consume(r);
        }
    }

    /** Reading plus our dissection down to UDP datagrams. */
    @Benchmark
    public void readAndDissectOurs(Blackhole sink) throws IOException {
        CaptureTap tap = new CaptureTap() {
            @Override
            public void udp(UdpDatagram datagram) {
                sink.consume(datagram);
            }
        };
        CaptureAnalyzer.run(new ByteArrayInputStream(capture), "bench", List.of(tap), n -> { });
    }

    /** Reading plus pcap4j's static packet factories down to UDP. */
    @Benchmark
    public void readAndDissectPcap4j(Blackhole sink) throws IOException, IllegalRawDataException {
        CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(capture), "bench");
        CaptureRecord r;
        while ((r = reader.next()) != null) {
            UdpPacket udp = EthernetPacket.newPacket(r.data(), 0, r.data().length).get(UdpPacket.class);
            sink.consume(udp);
        }
    }

    /** The whole RTP stream analysis as {@code seamline analyze} would run it. */
    @Benchmark
    public void rtpStreams(Blackhole sink) throws IOException {
        RtpStreamTap tap = new RtpStreamTap();
        CaptureAnalyzer.run(new ByteArrayInputStream(capture), "bench", List.of(tap), n -> { });
        sink.consume(tap.streams());
    }
}
