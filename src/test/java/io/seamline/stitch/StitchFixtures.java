package io.seamline.stitch;

import io.seamline.analysis.TestWav;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Writes the no-capture case's evidence at test time: an edge buffer (speech with bext) and a cut cloud recording. */
public final class StitchFixtures {
    private StitchFixtures() {
    }

    /** The edge buffer (whole speech, 08:42:15.125 London) and the cloud recording with 10 s cut out, in {@code dir}. */
    public static List<Path> noCaptureEvidence(Path dir) throws Exception {
        short[] speech = StitchServiceTest.speech();
        Path edge = dir.resolve("sbc01_4711@sbc.example.net_20261122T084215.125Z.wav");
        TestWav.write(edge, speech, 8000, LocalDate.of(2026, 11, 22), LocalTime.of(8, 42, 15),
                (8L * 3600 + 42 * 60 + 15) * 8000 + 1000);
        Path cloud = dir.resolve("cloud.wav");
        TestWav.write(cloud, StitchServiceTest.cutRecording(speech), 8000);
        return List.of(edge, cloud);
    }
}
