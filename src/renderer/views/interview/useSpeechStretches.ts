import { useEffect, useEffectEvent, useState } from 'react';
import type { SpeechStretch } from '../../../shared/workflow-status';
import { call } from '../../api';

/**
 * Where the interview's recording has speech, found once on the main side and kept: what the
 * status asks transcription to cover. Null until known, without a recording, or if voice
 * detection cannot run (then the status falls back to long gaps without text). `onFound` hears
 * of them when they arrive, to judge the status again.
 */
export function useSpeechStretches(interviewId: string, recordingFileName: string | null, onFound: (spans: SpeechStretch[]) => void): SpeechStretch[] | null {
  const [found, setFound] = useState<{ fileName: string; spans: SpeechStretch[] } | null>(null);
  const tell = useEffectEvent(onFound);
  useEffect(() => {
    if (!recordingFileName) return;
    let live = true;
    call('media.speech', { id: interviewId }).then(
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
  }, [interviewId, recordingFileName]);
  return found && found.fileName === recordingFileName ? found.spans : null;
}
