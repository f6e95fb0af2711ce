import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFormats, type ExportFormat } from '../../../shared/contract';
import type { Interview } from '../../../shared/interview';
import { UnlistedNames, type UnlistedName } from './UnlistedNames';
import { call, DeskFailure, messageOf } from '../../api';

const usesLanguage = new Set<ExportFormat>(['docx-transcript', 'srt', 'vtt', 'txt']);

type Outcome = { kind: 'saved' | 'cancelled' | 'refused' | 'failed'; message: string } | null;

type Props = { interview: Interview; onChange: (next: Interview) => void; beforeExport: () => Promise<void> };

export function ExportBox({ interview, onChange, beforeExport }: Props) {
  const interviewId = interview.id;
  const { t } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('docx-article');
  const [language, setLanguage] = useState<'source' | 'target'>('source');
  const [includeOpenQueries, setIncludeOpenQueries] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [unlisted, setUnlisted] = useState<UnlistedName[]>([]);

  const run = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await beforeExport(); // the export reads what is saved, so save what is typed first
      const request = { format, language, includeOpenQueries };
      // Names nobody listed are reviewed first; the file is written only when none is left.
      const review = await call('export.review', { id: interviewId, request });
      setUnlisted(review.unlisted);
      if (review.unlisted.length > 0) return;
      const result = await call('export.save', { id: interviewId, request });
      setOutcome(result.saved ? { kind: 'saved', message: t('export.saved', { fileName: result.fileName }) } : { kind: 'cancelled', message: t('export.cancelled') });
    } catch (error) {
      setOutcome({ kind: error instanceof DeskFailure && error.code === 'leak' ? 'refused' : 'failed', message: messageOf(error) });
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
        <button type="button" className="button primary" disabled={busy} onClick={run}>
          {t('export.run')}
        </button>
      </div>
      {unlisted.length > 0 && <UnlistedNames names={unlisted} interview={interview} onChange={onChange} onDone={() => void run()} onRemaining={setUnlisted} />}
      {outcome && (
        <div className={outcome.kind === 'saved' || outcome.kind === 'cancelled' ? 'banner banner-info' : 'banner banner-error'} role={outcome.kind === 'saved' ? 'status' : 'alert'} data-testid="export-outcome">
          {outcome.kind === 'refused' && <strong>{t('export.refused')}: </strong>}
          {outcome.message}
        </div>
      )}
    </section>
  );
}
