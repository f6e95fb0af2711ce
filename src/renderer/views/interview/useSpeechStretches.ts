import { useEffect, useEffectEvent, useState } from 'react';
import type { SpeechStretch } from '../../../shared/workflow-status';
import { call } from '../../api';

/** The longest recording whose speech is found without being asked for. */
const FIND_UNASKED_SECONDS = 30 * 60;

/**
 * Where the interview's recording has speech, found once on the main side and kept: what the
 * status asks transcription to cover. Null until known, without a recording, or if voice
 * detection cannot run (then the status falls back to long gaps without text). `onFound` hears
 * of them when they arrive, to judge the status again.
 */
export function useSpeechStretches(
  interviewId: string,
  recording: { fileName: string; durationSeconds: number | null } | null,
  onFound: (spans: SpeechStretch[]) => void,
): SpeechStretch[] | null {
  const recordingFileName = recording?.fileName ?? null;
  const recordingSeconds = recording?.durationSeconds ?? null;
  const [found, setFound] = useState<{ fileName: string; spans: SpeechStretch[] } | null>(null);
  const tell = useEffectEvent(onFound);
  useEffect(() => {
    if (!recordingFileName) return;
    let live = true;
    // Listening costs about a second of the main side's time per ten minutes of recording: done
    // unasked only for a recording of up to half an hour. A longer one is judged by gaps until
    // "Propose segments from pauses" (which finds the same stretches) has been run once.
    call('media.speech', { id: interviewId, find: (recordingSeconds ?? Infinity) <= FIND_UNASKED_SECONDS }).then(
      (result) => {
        if (!live || !result.spans || !result.fileName) return;
        setFound({ fileName: result.fileName, spans: result.spans });
        tell(result.spans);
      },
      // Not known (the library locked meanwhile, an unreadable recording): the fallback rule holds.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [interviewId, recordingFileName, recordingSeconds]);
  return found && found.fileName === recordingFileName ? found.spans : null;
}
