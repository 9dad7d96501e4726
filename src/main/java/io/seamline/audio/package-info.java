/**
 * Audio files (WAV/RIFF, BWF, RF64, Ogg Opus) read into PCM lanes, sidecar metadata, and the waveform
 * pyramid (min/max/RMS summaries) the timeline draws from.
 *
 * <p>Depends on no other Seamline package and on no UI toolkit.
 */
package io.seamline.audio;
