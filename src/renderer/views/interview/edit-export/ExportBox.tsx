import { useState } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { exportFormats, type ExportFormat } from '../../../../shared/contract';
import type { Interview } from '../../../../shared/interview';
import { indexCandidates, isIndexPoint } from '../../../../shared/index-points';
import { formatTimecode } from '../../../../shared/timecode';
import { MISSING_CONSENT_WARNING } from '../../../../shared/consent';
import { UnlistedNames, type UnlistedName } from './UnlistedNames';
import { useLatestInterview } from '../useLatestInterview';
import { call, DeskFailure, messageOf } from '../../../api';

const usesLanguage = new Set<ExportFormat>(['docx-transcript', 'srt', 'vtt', 'txt']);

type Outcome = { kind: 'saved' | 'cancelled' | 'refused' | 'failed' | 'incomplete'; message: string } | null;
const isArticle = (format: ExportFormat) => format === 'docx-article' || format === 'md';

type Props = { interview: Interview; onChange: (next: Interview) => void; beforeExport: () => Promise<void> };

export function ExportBox({ interview, onChange, beforeExport }: Props) {
  const interviewId = interview.id;
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('docx-article');
  const [language, setLanguage] = useState<'source' | 'target'>('source');
  const [includeOpenQueries, setIncludeOpenQueries] = useState(false);
  const [includeNotes, setIncludeNotes] = useState(false);
  const [draftMark, setDraftMark] = useState(false);
  const [includeStatus, setIncludeStatus] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [unlisted, setUnlisted] = useState<UnlistedName[]>([]);
  const [warnings, setWarnings] = useState<{ start: number; problem: string }[]>([]);
  const [consentWarnings, setConsentWarnings] = useState<string[]>([]);
  // The export may run again after the names review changed the interview: it works on the newest.
  const { latest, commit } = useLatestInterview(interview, onChange);

  const run = async (allowIncomplete = false) => {
    setBusy(true);
    setOutcome(null);
    try {
      await beforeExport(); // the export reads what is saved, so save what is typed first
      const request = { format, language, includeOpenQueries, includeNotes, includeStatus, draftMark, allowIncomplete };
      // Names nobody listed are reviewed first; the file is written only when none is left.
      const review = await call('export.review', { id: interviewId, request });
      setUnlisted(review.unlisted);
      setWarnings(review.warnings);
      setConsentWarnings(review.consent);
      if (review.unlisted.length > 0) return;
      const result = await call('export.save', { id: interviewId, request });
      setOutcome(result.saved ? { kind: 'saved', message: t('export.saved', { fileName: result.fileName }) } : { kind: 'cancelled', message: t('export.cancelled') });
      // The missing-consent warning is said once: made now, it is not said again.
      if (result.saved && review.consent.includes(MISSING_CONSENT_WARNING)) commit({ ...latest.current, consent: { ...latest.current.consent, missingNoticed: true } });
    } catch (error) {
      const code = error instanceof DeskFailure ? error.code : null;
      setConsentWarnings([]);
      setOutcome({ kind: code === 'leak' || code === 'consent' ? 'refused' : code === 'incomplete' ? 'incomplete' : 'failed', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel export-box">
      <h2>{t('export.title')}</h2>
      <div className="row wrap">
        <label className="field">
          <span>{t('export.format')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {exportFormats.map((name) => (
              <option key={name} value={name}>
                {t(`export.formats.${name}`)}
              </option>
            ))}
          </select>
        </label>
        {usesLanguage.has(format) && (
          <label className="field">
            <span>{t('export.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as 'source' | 'target')}>
              <option value="source">{t('export.languages.source')}</option>
              <option value="target">{t('export.languages.target')}</option>
            </select>
          </label>
        )}
        {format === 'docx-article' && (
          <label className="check inline">
            <input type="checkbox" checked={includeOpenQueries} onChange={(e) => setIncludeOpenQueries(e.target.checked)} />
            {t('export.includeQueries')}
          </label>
        )}
        {isArticle(format) && (
          <label className="check inline">
            <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} />
            {t('export.includeNotes')}
          </label>
        )}
        {format === 'docx-bilingual' && (
          <fieldset className="check-group" aria-label={t('export.columns')}>
            <span className="muted small">{t('export.columns')}</span>
            <label className="check inline">
              <input type="checkbox" checked={includeStatus} onChange={(e) => setIncludeStatus(e.target.checked)} />
              {t('export.columnStatus')}
            </label>
            <label className="check inline">
              <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} />
              {t('export.columnNotes')}
            </label>
            <label className="check inline">
              <input type="checkbox" checked={includeOpenQueries} onChange={(e) => setIncludeOpenQueries(e.target.checked)} />
              {t('export.columnQueries')}
            </label>
          </fieldset>
        )}
        {format.startsWith('docx-') && format !== 'docx-review' && (
          <label className="check inline">
            <input type="checkbox" checked={draftMark} onChange={(e) => setDraftMark(e.target.checked)} />
            {t('export.draftMark')}
          </label>
        )}
        <button type="button" className="button primary" disabled={busy} onClick={() => void run()}>
          {t('export.run')}
        </button>
      </div>
      {format === 'ohms' && <IndexPointChoices interview={interview} onChange={onChange} />}
      {consentWarnings.length > 0 && (
        <ul className="banner banner-info consent-warnings" data-testid="consent-warnings">
          {consentWarnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <details className="export-warnings" data-testid="export-warnings">
          <summary>{t('export.readingWarnings', { count: warnings.length })}</summary>
          <ul>
            {warnings.slice(0, 100).map((warning) => (
              <li key={warning.start}>
                {formatTimecode(warning.start)} — {warning.problem}
              </li>
            ))}
          </ul>
        </details>
      )}
      {unlisted.length > 0 && <UnlistedNames names={unlisted} interview={interview} onChange={commit} onDone={() => void run()} onRemaining={setUnlisted} />}
      {outcome && (
        <div className={outcome.kind === 'saved' || outcome.kind === 'cancelled' ? 'banner banner-info' : 'banner banner-error'} role={outcome.kind === 'saved' ? 'status' : 'alert'} data-testid="export-outcome">
          {outcome.kind === 'refused' && <strong>{t('export.refused')}: </strong>}
          {outcome.message}
          {outcome.kind === 'incomplete' && (
            <button type="button" className="button small" onClick={() => void run(true)}>
              {t('export.anyway')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The OHMS index's points: the interviewer's segments, ticked where the app found a real question;
 * the editor ticks or unticks any (kept in the interview, merged like any other field).
 */
function IndexPointChoices({ interview, onChange }: Pick<Props, 'interview' | 'onChange'>) {
  const { t } = useTranslation();
  const candidates = indexCandidates(interview);
  const choose = (id: string, on: boolean) =>
    onChange({ ...interview, segments: interview.segments.map((segment) => (segment.id === id ? { ...segment, indexPoint: on ? 'yes' : 'no' } : segment)) });
  return (
    <fieldset className="index-points" data-testid="index-points">
      <legend>{t('export.indexPoints', { count: candidates.filter(isIndexPoint).length })}</legend>
      <p className="muted small">{t('export.indexPointsHint')}</p>
      <ul>
        {candidates.map((segment) => (
          <li key={segment.id}>
            <label className="check">
              <input type="checkbox" checked={isIndexPoint(segment)} onChange={(e) => choose(segment.id, e.target.checked)} />
              <span className="mono">{formatTimecode(segment.start)}</span> {(segment.source || segment.translation).slice(0, 80)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
