package io.seamline.ui;

import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.CaseFileException;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Playback of one lane from a start to an end sample on a background thread, reporting the playhead
 * as it goes. Samples come from a {@link LaneSamples} source (the case's {@code LaneAudio}); a missing
 * audio device ends playback with a status message instead of an error.
 */
public final class PlaybackViewModel {
    /** Samples handed to the device per write: 50 ms at 8 kHz, so the playhead moves smoothly. */
    static final int BLOCK_SAMPLES = 400;

    /** Reads a lane's samples in [-1, 1] at its own rate. */
    @FunctionalInterface
    public interface LaneSamples {
        /** {@code count} samples of {@code lane} from {@code startSample}; 0 outside the lane. */
        float[] read(LaneRecord lane, long startSample, int count) throws CaseFileException;
    }

    private final Executor player;
    private final Executor ui;
    private final Supplier<AudioOutput> outputs;
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private volatile AtomicBoolean stopFlag = new AtomicBoolean(true);

    /**
     * @param player  runs the playback loop (a daemon thread in the application)
     * @param ui      where property changes are made (the FX thread)
     * @param outputs makes one output per playback
     */
    public PlaybackViewModel(Executor player, Executor ui, Supplier<AudioOutput> outputs) {
        this.player = player;
        this.ui = ui;
        this.outputs = outputs;
    }

    /** True while a lane plays. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    /**
     * Plays {@code [fromSample, toSample)} of a lane whose samples play at {@code timeOfSample};
     * {@code playhead} receives each block's instant and null at the end (a pause leaves it where it stopped); {@code status} receives one
     * line when playback ends or fails.
     */
    public void play(LaneRecord lane, LongFunction<Instant> timeOfSample, long fromSample, long toSample,
            LaneSamples samples,
            Consumer<Instant> playhead, Consumer<String> status) {
        stop();
        if (toSample <= fromSample || lane.sampleRateHz() <= 0) {
            status.accept("Nothing to play in the chosen range of " + lane.name() + ".");
            return;
        }
        AtomicBoolean flag = new AtomicBoolean(false);
        stopFlag = flag;
        playing.set(true);
        player.execute(() -> {
            String message;
            try (AudioOutput out = outputs.get()) {
                out.open(lane.sampleRateHz());
                int block = Math.max(BLOCK_SAMPLES, lane.sampleRateHz() / 20);
                long at = fromSample;
                while (at < toSample && !flag.get()) {
                    int n = (int) Math.min(block, toSample - at);
                    float[] chunk = samples.read(lane, at, n);
                    Instant t = timeOfSample.apply(at);
                    ui.execute(() -> playhead.accept(t));
                    out.write(chunk, n);
                    at += n;
                }
                if (!flag.get()) {
                    out.drain();
                }
                message = flag.get() ? "Paused " + lane.name() + "." : "Played " + lane.name() + ".";
            } catch (AudioOutput.AudioOutputException e) {
                message = "Cannot play: " + e.getMessage();
            } catch (CaseFileException e) {
                message = "Cannot play: " + e.getMessage();
            } catch (RuntimeException e) {
                message = "Playback stopped: " + e;
            }
            String finalMessage = message;
            ui.execute(() -> {
                if (stopFlag == flag) {
                    playing.set(false);
                }
                if (!flag.get()) {
                    playhead.accept(null);
                }
                status.accept(finalMessage);
            });
        });
    }

    /** Stops playback (the space key when playing). */
    public void stop() {
        stopFlag.set(true);
        playing.set(false);
    }
}
