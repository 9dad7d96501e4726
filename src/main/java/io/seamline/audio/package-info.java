/**
 * Audio files read into PCM lanes, call tags from sidecars and file names, and the waveform pyramid the timeline
 * draws from.
 *
 * <p>Readers: one class per container behind {@link io.seamline.audio.AudioReader} ({@link
 * io.seamline.audio.WavReader} for WAV/RIFF, RF64/BW64 and Broadcast Wave; {@link io.seamline.audio.OggOpusReader}
 * for Ogg Opus). They stream planar float lanes (one per channel, normalised to [-1, 1]) block by block and never
 * hold a whole file. Problems that stop reading are {@link io.seamline.audio.AudioFormatException}s naming the file;
 * lies that can be read around are warnings on the reader. Which reader to use is decided by the caller's content
 * sniffer; each reader still checks its own magic bytes.
 *
 * <p>Summaries: {@link io.seamline.audio.WaveformPyramidBuilder} (a {@link io.seamline.audio.FrameSink}) computes
 * min/max/RMS at 256 and 65 536 frames per bucket in the same pass as any other sink;
 * {@link io.seamline.audio.WaveformPyramidWriter} documents the versioned little-endian file format.
 *
 * <p>Depends on no other Seamline package and on no UI toolkit; uses Concentus and vorbis-java-core for Opus and
 * Jackson for sidecars.
 */
package io.seamline.audio;
