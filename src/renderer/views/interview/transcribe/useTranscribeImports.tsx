// What comes into the Transcribe view from files: a recording (dialog or drop, in pieces), asked
// about before it replaces one and when it seems cut off; and a transcript, looked at first,
// summarised after, asked about when implausible. Split from TranscribePanel: one job here.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { MAX_TRANSCRIPT_FILE_CHARS } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/interview';
import { formatTimecode } from '../../../../shared/timecode';
import { SNIFF_BYTES, subtitleHeadProblem } from '../../../../shared/transcript-sniff';
import { call, DeskFailure, messageOf } from '../../../api';
import { bytesToBase64 } from '../../../base64';
import { Modal } from '../../../components/Modal';
import type { Notice } from './transcribe-notice';

const UPLOAD_PIECE_BYTES = 4 * 1024 * 1024;

type Options = {
  interview: Interview;
  /** Saves what is typed, before the main side changes the interview. */
  flush: () => Promise<void>;
  /** The interview as it is now (typing may be ahead of the props). */
  latest: () => Interview;
  commit: (next: Interview) => void;
  /** Records an undo step before a transcript import replaces the segments. */
  beforeTranscriptImport: () => void;
  setNotice: (notice: Notice) => void;
};

export function useTranscribeImports({ interview, flush, latest, commit, beforeTranscriptImport, setNotice }: Options) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ phase: 'copying' | 'analysing'; fraction: number } | null>(null);
  const [replaceConfirm, setReplaceConfirm] = useState<(() => void) | null>(null);
  const recording = interview.recording;

  useEffect(
    () =>
      window.desk.on('media.progress', (payload) => {
        if (payload.interviewId !== interview.id) return;
        setProgress(payload.fraction >= 1 ? null : { phase: payload.phase, fraction: payload.fraction });
      }),
    [interview.id],
  );

  /** A failure, or the question about a file that looks wrong (with its "Import anyway"). */
  const problem = (error: unknown, importAnyway: () => void) => {
    if (error instanceof DeskFailure && error.code === 'confirm') setNotice({ kind: 'error', text: messageOf(error), action: { label: t('transcribe.importAnyway'), run: importAnyway } });
    else setNotice({ kind: 'error', text: messageOf(error) });
  };

  const importRecording = async (confirmed = false) => {
    setNotice(null);
    try {
      await flush();
      const result = await call('media.import', { id: interview.id, confirmed });
      if (result.imported) commit({ ...latest(), recording: result.interview.recording });
    } catch (error) {
      problem(error, () => void importRecording(true));
    } finally {
      setProgress(null);
    }
  };

  /** A dropped recording goes to the main side in pieces; it decides where the bytes are kept. */
  const uploadRecording = async (file: File, confirmed = false) => {
    setNotice(null);
    let uploadId: string | null = null;
    try {
      await flush();
      uploadId = (await call('media.uploadBegin', { id: interview.id, fileName: file.name, size: file.size })).uploadId;
      for (let offset = 0; offset < file.size; offset += UPLOAD_PIECE_BYTES) {
        const piece = new Uint8Array(await file.slice(offset, offset + UPLOAD_PIECE_BYTES).arrayBuffer());
        await call('media.uploadChunk', { uploadId, offset, data: bytesToBase64(piece) });
        setProgress({ phase: 'copying', fraction: Math.min(1, (offset + piece.length) / file.size) });
      }
      const result = await call('media.uploadFinish', { uploadId, confirmed });
      uploadId = null;
      commit({ ...latest(), recording: result.interview.recording });
    } catch (error) {
      if (uploadId) await call('media.uploadCancel', { uploadId }).catch(() => undefined);
      problem(error, () => void uploadRecording(file, true));
    } finally {
      setProgress(null);
    }
  };

  const importTranscript = async (file: File, confirmed = false) => {
    setNotice(null);
    // A file this large is not a transcript (a recording dropped with the wrong name, say).
    if (file.size > MAX_TRANSCRIPT_FILE_CHARS * 4) {
      setNotice({ kind: 'error', text: t('transcribe.tooLarge', { name: file.name }) });
      return;
    }
    // A first look at the start of the file: a garbled one is refused before megabytes are read and sent.
    const headProblem = subtitleHeadProblem(file.name, await file.slice(0, SNIFF_BYTES).text());
    if (headProblem) {
      setNotice({ kind: 'error', text: headProblem });
      return;
    }
    try {
      await flush();
      const text = await file.text();
      if (text.length > MAX_TRANSCRIPT_FILE_CHARS) {
        setNotice({ kind: 'error', text: t('transcribe.tooLarge', { name: file.name }) });
        return;
      }
      const result = await call('transcript.import', { id: interview.id, fileName: file.name, text, confirmed });
      beforeTranscriptImport();
      commit({ ...latest(), segments: result.interview.segments, speakers: result.interview.speakers });
      // The first few problems, then how many more: a garbled file must not fill the screen.
      const lines = (list: { line: number; reason: string }[], total: number) =>
        list.map((item) => t('transcribe.line', item)).join(', ') + (total > list.length ? t('transcribe.andMore', { count: total - list.length }) : '');
      setNotice({
        kind: result.skippedTotal ? 'error' : 'info',
        text: [
          t('transcribe.imported', { count: result.imported, format: result.format.toUpperCase() }),
          result.skippedTotal ? t('transcribe.skippedLines', { lines: lines(result.skipped, result.skippedTotal) }) : '',
          result.adjustedTotal ? t('transcribe.adjustedLines', { lines: lines(result.adjusted, result.adjustedTotal) }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      });
    } catch (error) {
      problem(error, () => void importTranscript(file, true));
    }
  };

  /** Replacing a recording is asked about first; the old file stays until the new one is in. */
  const askBeforeReplacing = (replace: () => void) => {
    if (recording) setReplaceConfirm(() => replace);
    else replace();
  };

  const replaceDialog =
    replaceConfirm && recording ? (
      <Modal title={t('transcribe.replaceTitle')} onCancel={() => setReplaceConfirm(null)}>
        <p>{t('transcribe.replaceQuestion', { name: recording.fileName, duration: formatTimecode(recording.durationSeconds ?? 0) })}</p>
        <div className="row">
          <button
            type="button"
            className="button danger"
            onClick={() => {
              setReplaceConfirm(null);
              replaceConfirm();
            }}
          >
            {t('transcribe.replaceConfirm')}
          </button>
          <button type="button" className="button" onClick={() => setReplaceConfirm(null)}>
            {t('transcribe.cancel')}
          </button>
        </div>
      </Modal>
    ) : null;

  const progressLine = progress ? (
    <div className="import-progress" role="status" data-testid="import-progress">
      {t(progress.phase === 'copying' ? 'transcribe.copying' : 'transcribe.analysing', { percent: Math.round(progress.fraction * 100) })}
      <progress max={1} value={progress.fraction} />
    </div>
  ) : null;

  return { importRecording, uploadRecording, importTranscript, askBeforeReplacing, replaceDialog, progressLine };
}
