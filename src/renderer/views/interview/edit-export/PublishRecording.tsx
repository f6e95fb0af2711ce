// Recording to publish: every place the transcript says a listed name, with the stretch proposed
// for it, to listen to (the stretch alone plays), move, confirm or waive; stretches the transcript
// does not show can be marked by hand. The recording is published (names silenced or toned, the
// voice disguised if asked) only when every place is decided and consent covers the audio.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import type { Interview } from '../../../../shared/interview';
import { redactionTerms } from '../../../../shared/redaction/index';
import { nameOccurrences, withDecision, withMarkedStretch, type NameOccurrence } from '../../../../shared/spoken-names';
import { formatTimecode } from '../../../../shared/timecode';
import { call, DeskFailure, messageOf } from '../../../api';
import { isImeKeystroke } from '../../../ime';
import { newId } from '../../../new-id';
import { useLatestInterview } from '../useLatestInterview';

type Props = { interview: Interview; mediaBaseUrl: string; onChange: (next: Interview) => void; beforeExport: () => Promise<void> };

/** Rows shown at once: a long interview can say names thousands of times; the undecided come first. */
const SHOWN = 200;
const disguiseLevels = [0, 2, 4, 6, -2, -4];

export function PublishRecording({ interview, mediaBaseUrl, onChange, beforeExport }: Props) {
  const { t } = useTranslation();
  const { latest, commit } = useLatestInterview(interview, onChange);
  const { narrator, redactions, segments, spokenNames, recording } = interview;
  const terms = useMemo(() => redactionTerms({ narrator, redactions }), [narrator, redactions]);
  const occurrences = useMemo(() => nameOccurrences({ segments, spokenNames }, terms), [segments, spokenNames, terms]);
  const [cover, setCover] = useState<'silence' | 'tone'>('silence');
  const [pitch, setPitch] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [mark, setMark] = useState({ start: '', end: '' });
  const audio = useRef<HTMLAudioElement>(null);

  if (!recording) {
    return (
      <section className="panel publish-recording" data-testid="publish-recording">
        <h2>{t('publishRecording.title')}</h2>
        <p className="muted small">{t('publishRecording.noRecording')}</p>
      </section>
    );
  }
  const source = `${mediaBaseUrl}${encodeURIComponent(interview.id)}/${encodeURIComponent(recording.fileName)}`;
  const undecided = occurrences.filter((occurrence) => !occurrence.decision);
  const shown = [...undecided, ...occurrences.filter((occurrence) => occurrence.decision)].slice(0, SHOWN);
  const marked = spokenNames.filter((name) => name.origin === 'marked');

  /** Plays just this stretch (a media fragment), to hear whether and where the name is said. */
  const listen = (start: number, end: number) => {
    const player = audio.current;
    if (!player) return;
    if (player.src.startsWith('blob:')) URL.revokeObjectURL(player.src);
    player.src = `${source}#t=${start.toFixed(2)},${end.toFixed(2)}`;
    delete player.dataset.preview;
    void player.play().catch(() => undefined);
  };
  const decide = (occurrence: NameOccurrence, state: 'confirmed' | 'waived', stretch = occurrence.decision ?? occurrence.proposed) => {
    setOutcome(null); // a refusal from before this decision no longer holds
    commit(withDecision(latest.current, occurrence, { state, start: stretch.start, end: stretch.end }, () => newId('spn')));
  };
  const move = (occurrence: NameOccurrence, edge: 'start' | 'end', value: number) => {
    const stretch = { ...(occurrence.decision ?? occurrence.proposed), [edge]: value };
    if (Number.isFinite(value)) commit(withDecision(latest.current, occurrence, { state: occurrence.decision?.state ?? 'confirmed', ...stretch }, () => newId('spn')));
  };
  const onRowKey = (event: KeyboardEvent<HTMLLIElement>, occurrence: NameOccurrence) => {
    if (event.target !== event.currentTarget || isImeKeystroke(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    const stretch = occurrence.decision ?? occurrence.proposed;
    if (key === 'c') decide(occurrence, 'confirmed');
    else if (key === 'w') decide(occurrence, 'waived');
    else if (key === 'l' || key === ' ') listen(stretch.start, stretch.end);
    else return;
    event.preventDefault();
  };
  const addMark = () => {
    const [start, end] = [Number(mark.start), Number(mark.end)];
    if (mark.start === '' || mark.end === '' || !(end > start) || start < 0) return setOutcome({ ok: false, message: t('publishRecording.markInvalid') });
    commit(withMarkedStretch(latest.current, start, end, () => newId('spn')));
    setMark({ start: '', end: '' });
  };
  /** 15 s as they would be published (the disguise, the covers), from a few seconds before the first name. */
  const preview = async () => {
    setOutcome(null);
    try {
      const first = occurrences[0]?.decision ?? occurrences[0]?.proposed ?? marked[0] ?? { start: 0 };
      const { data } = await call('recording.preview', { id: interview.id, choices: { cover, pitchSemitones: pitch }, from: Math.max(0, first.start - 3), seconds: 15 });
      const bytes = Uint8Array.from(atob(data), (char) => char.charCodeAt(0));
      const player = audio.current;
      if (!player) return;
      if (player.src.startsWith('blob:')) URL.revokeObjectURL(player.src);
      player.src = URL.createObjectURL(new Blob([bytes], { type: 'audio/ogg' }));
      player.dataset.preview = 'true';
      void player.play().catch(() => undefined);
    } catch (error) {
      setOutcome({ ok: false, message: messageOf(error) });
    }
  };
  const publish = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await beforeExport();
      const result = await call('recording.publish', { id: interview.id, choices: { cover, pitchSemitones: pitch } });
      if (!result.saved) return setOutcome({ ok: true, message: t('export.cancelled') });
      setOutcome({ ok: true, message: t('publishRecording.saved', { fileName: result.fileName, count: result.covered }) });
      // Where the OHMS record points from now on.
      commit({ ...latest.current, publishedRecording: { fileName: result.fileName, exportedAt: result.exportedAt } });
    } catch (error) {
      setOutcome({ ok: false, message: `${error instanceof DeskFailure && (error.code === 'leak' || error.code === 'consent') ? `${t('export.refused')}: ` : ''}${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel publish-recording" data-testid="publish-recording">
      <h2>{t('publishRecording.title')}</h2>
      <p className="muted small">{t('publishRecording.hint')}</p>
      <audio ref={audio} preload="none" />
      <p className="small" data-testid="spoken-names-count">
        {t('publishRecording.count', { count: occurrences.length, undecided: undecided.length })}
      </p>
      {occurrences.length > 0 && (
        <ul className="spoken-names" aria-label={t('publishRecording.listLabel')}>
          {shown.map((occurrence) => {
            const stretch = occurrence.decision ?? occurrence.proposed;
            return (
              <li key={occurrence.key} tabIndex={0} data-testid="spoken-name" data-state={occurrence.decision?.state ?? 'undecided'} onKeyDown={(event) => onRowKey(event, occurrence)}>
                <span className="muted small">{t('publishRecording.segment', { number: occurrence.segmentNumber })}</span>
                <mark className="sensitive-term">{occurrence.written}</mark>
                <label className="stretch-edge">
                  <span className="sr-only">{t('publishRecording.from')}</span>
                  <input type="number" step="0.05" min="0" value={stretch.start} onChange={(e) => move(occurrence, 'start', Number(e.target.value))} />
                </label>
                –
                <label className="stretch-edge">
                  <span className="sr-only">{t('publishRecording.to')}</span>
                  <input type="number" step="0.05" min="0" value={stretch.end} onChange={(e) => move(occurrence, 'end', Number(e.target.value))} />
                </label>
                <span className="mono small">{formatTimecode(stretch.start)}</span>
                <button type="button" className="button small" onClick={() => listen(stretch.start, stretch.end)}>
                  {t('publishRecording.listen')}
                </button>
                <button type="button" className="button small" aria-pressed={occurrence.decision?.state === 'confirmed'} onClick={() => decide(occurrence, 'confirmed')}>
                  {t('publishRecording.confirm')}
                </button>
                <button type="button" className="button small" aria-pressed={occurrence.decision?.state === 'waived'} onClick={() => decide(occurrence, 'waived')}>
                  {t('publishRecording.waive')}
                </button>
                <span className={`small state-${occurrence.decision?.state ?? 'undecided'}`}>{t(`publishRecording.states.${occurrence.decision?.state ?? 'undecided'}`)}</span>
              </li>
            );
          })}
          {occurrences.length > SHOWN && <li className="muted small">{t('publishRecording.more', { count: occurrences.length - SHOWN })}</li>}
        </ul>
      )}
      <div className="row wrap">
        <label className="field">
          <span>{t('publishRecording.markFrom')}</span>
          <input type="number" step="0.05" min="0" value={mark.start} onChange={(e) => setMark({ ...mark, start: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('publishRecording.markTo')}</span>
          <input type="number" step="0.05" min="0" value={mark.end} onChange={(e) => setMark({ ...mark, end: e.target.value })} />
        </label>
        <button type="button" className="button" onClick={addMark}>
          {t('publishRecording.mark')}
        </button>
      </div>
      {marked.length > 0 && (
        <ul className="marked-stretches" data-testid="marked-stretches">
          {marked.map((name) => (
            <li key={name.id}>
              <span className="mono small">
                {name.start.toFixed(2)}–{name.end.toFixed(2)} s
              </span>
              <button type="button" className="button small" onClick={() => listen(name.start, name.end)}>
                {t('publishRecording.listen')}
              </button>
              <button type="button" className="button small" onClick={() => commit({ ...latest.current, spokenNames: latest.current.spokenNames.filter((other) => other.id !== name.id) })}>
                {t('publishRecording.unmark')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row wrap">
        <fieldset className="check-group">
          <legend>{t('publishRecording.cover')}</legend>
          {(['silence', 'tone'] as const).map((choice) => (
            <label key={choice} className="check inline">
              <input type="radio" name="cover" checked={cover === choice} onChange={() => setCover(choice)} />
              {t(`publishRecording.covers.${choice}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('publishRecording.disguise')}</span>
          <select value={pitch} onChange={(e) => setPitch(Number(e.target.value))}>
            {disguiseLevels.map((level) => (
              <option key={level} value={level}>
                {level === 0 ? t('publishRecording.noDisguise') : t('publishRecording.semitones', { count: level })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void preview()}>
          {t('publishRecording.preview')}
        </button>
        <button type="button" className="button primary" disabled={busy} onClick={() => void publish()}>
          {t('publishRecording.publish')}
        </button>
      </div>
      {outcome && (
        <div className={outcome.ok ? 'banner banner-info' : 'banner banner-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="publish-recording-outcome">
          {outcome.message}
        </div>
      )}
    </section>
  );
}
