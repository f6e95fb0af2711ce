import { useEffect, useState } from 'react';
import type { Recording } from '../../../shared/interview';
import { call, messageOf } from '../../api';

export type LoadedPeaks = { values: Float32Array; duration: number };

function base64ToPeaks(data: string): Float32Array {
  // Plain loops: three hours of peaks are a million characters, too many for a callback each.
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const ints = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
  const values = new Float32Array(ints.length);
  for (let index = 0; index < ints.length; index += 1) values[index] = ints[index]! / 32767;
  return values;
}

/**
 * Peaks fetched and decoded once per recording for the whole session: Transcribe and Translate
 * share them instead of each asking again (~200 ms for three hours). Only the latest recording is
 * kept: switching interviews replaces it, so memory stays at one waveform.
 */
let cached: { key: string; peaks: Promise<LoadedPeaks> } | null = null;

function peaksFor(interviewId: string, recording: Recording): Promise<LoadedPeaks> {
  const key = `${interviewId}/${recording.fileName}/${recording.durationSeconds ?? ''}`;
  if (cached?.key !== key) {
    // User Timing marks (nothing leaves the window): benchmarks tell the transfer from the decoding.
    performance.mark('peaks-requested');
    const peaks = call('media.peaks', { id: interviewId }).then((result) => {
      performance.mark('peaks-received');
      return { values: base64ToPeaks(result.data), duration: result.durationSeconds };
    });
    // A failure is not remembered: the next view asks again.
    peaks.catch(() => {
      if (cached?.peaks === peaks) cached = null;
    });
    cached = { key, peaks };
  }
  return cached.peaks;
}

/** Forgets the kept waveform (the library was locked). */
export function forgetPeaks(): void {
  cached = null;
}

/** The recording's waveform peaks, computed once on the main side and decoded once here. */
export function useRecordingPeaks(interviewId: string, recording: Recording | null): { peaks: LoadedPeaks | null; problem: string | null } {
  const [loaded, setLoaded] = useState<{ for: Recording; peaks: LoadedPeaks } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!recording) return;
    let live = true;
    peaksFor(interviewId, recording).then(
      (peaks) => live && setLoaded({ for: recording, peaks }),
      (error: unknown) => live && setProblem(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [interviewId, recording]);
  return { peaks: loaded && loaded.for === recording ? loaded.peaks : null, problem };
}
