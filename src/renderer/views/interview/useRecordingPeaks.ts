import { useEffect, useState } from 'react';
import type { Recording } from '../../../shared/interview';
import { call, messageOf } from '../../api';

export type LoadedPeaks = { values: Float32Array; duration: number };

function base64ToPeaks(data: string): Float32Array {
  const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
  const ints = new Int16Array(bytes.buffer, 0, bytes.length >> 1);
  return Float32Array.from(ints, (value) => value / 32767);
}

/** The recording's waveform peaks, computed once on the main side and cached there. */
export function useRecordingPeaks(interviewId: string, recording: Recording | null): { peaks: LoadedPeaks | null; problem: string | null } {
  const [loaded, setLoaded] = useState<{ for: Recording; peaks: LoadedPeaks } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!recording) return;
    let live = true;
    call('media.peaks', { id: interviewId }).then(
      (result) => live && setLoaded({ for: recording, peaks: { values: base64ToPeaks(result.data), duration: result.durationSeconds } }),
      (error: unknown) => live && setProblem(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [interviewId, recording]);
  return { peaks: loaded && loaded.for === recording ? loaded.peaks : null, problem };
}
