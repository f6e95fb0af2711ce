import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { MAX_GLOSSARY_FILE_CHARS } from '../../../../shared/contract';
import { checkGlossaryConsistency, glossaryInUse } from '../../../../shared/glossary';
import type { GlossaryTerm, Segment } from '../../../../shared/interview';
import { call, messageOf } from '../../../api';
import { newId } from '../../../new-id';
import { ImeSafeForm } from '../../../components/ImeSafeForm';

type Props = {
  libraryTerms: GlossaryTerm[];
  interviewTerms: GlossaryTerm[];
  segments: Segment[];
  onLibraryTerms: (terms: GlossaryTerm[]) => void;
  onInterviewTerms: (terms: GlossaryTerm[]) => void;
  onGoTo: (segmentId: string) => void;
};

const splitList = (text: string) =>
  text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);

export function GlossarySidebar({ libraryTerms, interviewTerms, segments: current, onLibraryTerms, onInterviewTerms, onGoTo }: Props) {
  // Its checks look through every segment: a moment behind the typing, and only this tab re-rendered for it.
  const segments = useDeferredValue(current);
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState({ korean: '', english: '', avoid: '', note: '', scope: 'library' as 'library' | 'interview' });
  const [message, setMessage] = useState<string | null>(null);
  const inUse = useMemo(() => glossaryInUse(libraryTerms, interviewTerms), [libraryTerms, interviewTerms]);
  const issues = useMemo(() => checkGlossaryConsistency(segments, inUse), [segments, inUse]);
  const numberOf = useMemo(() => new Map(segments.map((segment, index) => [segment.id, index + 1])), [segments]);
  const own = new Set(interviewTerms.map((term) => term.id));
  const shown = inUse.filter((term) => !filter || `${term.korean} ${term.english}`.toLowerCase().includes(filter.toLowerCase()));

  const saveLibrary = async (terms: GlossaryTerm[]) => {
    try {
      onLibraryTerms((await call('glossary.save', { terms })).terms);
    } catch (error) {
      setMessage(messageOf(error));
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.korean.trim() || !draft.english.trim()) {
      setMessage(t('glossary.required'));
      return;
    }
    const term: GlossaryTerm = { id: newId('glo'), korean: draft.korean.trim(), english: draft.english.trim(), avoid: splitList(draft.avoid), note: draft.note.trim() };
    if (draft.scope === 'interview') onInterviewTerms([...interviewTerms, term]);
    else await saveLibrary([...libraryTerms, term]);
    setDraft({ ...draft, korean: '', english: '', avoid: '', note: '' });
    setMessage(null);
  };

  const remove = (term: GlossaryTerm) =>
    own.has(term.id) ? onInterviewTerms(interviewTerms.filter((item) => item.id !== term.id)) : void saveLibrary(libraryTerms.filter((item) => item.id !== term.id));

  const importFile = async (file: File) => {
    try {
      const text = file.size > MAX_GLOSSARY_FILE_CHARS * 4 ? null : await file.text();
      if (text === null || text.length > MAX_GLOSSARY_FILE_CHARS) {
        setMessage(t('glossary.tooLarge', { name: file.name }));
        return;
      }
      const result = await call('glossary.import', { text });
      onLibraryTerms(result.terms);
      const skipped = result.skipped.map((skip) => `${skip.line} (${skip.reason})`).join(', ');
      setMessage(`${t('glossary.imported', { added: result.added, updated: result.updated })}${skipped ? ` ${t('glossary.skipped', { lines: skipped })}` : ''}`);
    } catch (error) {
      setMessage(messageOf(error));
    }
  };

  const exportAs = async (format: 'csv' | 'tsv') => {
    try {
      const result = await call('glossary.export', { format });
      if (result.saved) setMessage(t('glossary.exported', { fileName: result.fileName }));
    } catch (error) {
      setMessage(messageOf(error));
    }
  };

  return (
    <div className="glossary-sidebar">
      <section>
        <h3>{t('glossary.check')}</h3>
        {issues.length === 0 ? (
          <p className="muted small">{t('glossary.checkClean')}</p>
        ) : (
          <ul className="issues" data-testid="glossary-issues">
            {issues.map((issue, index) => (
              <li key={index}>
                <button type="button" className="link small" onClick={() => onGoTo(issue.segmentId)}>
                  #{numberOf.get(issue.segmentId)}
                </button>{' '}
                {issue.kind === 'missing'
                  ? t('glossary.missing', { korean: issue.term.korean, english: issue.term.english })
                  : t('glossary.avoided', { korean: issue.term.korean, english: issue.term.english, variant: issue.variant })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <input type="search" className="search small-search" placeholder={t('glossary.search')} aria-label={t('glossary.search')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        <ul className="terms" data-testid="glossary-terms">
          {shown.map((term) => (
            <li key={term.id}>
              <span lang="ko" className="term-korean">
                {term.korean}
              </span>{' '}
              → <strong>{term.english}</strong>
              {own.has(term.id) && <span className="muted small"> · {t('glossary.interviewOnly')}</span>}
              {term.avoid.length > 0 && <div className="muted small">✗ {term.avoid.join('; ')}</div>}
              {term.note && <div className="muted small">{term.note}</div>}
              <button type="button" className="link small danger-link" onClick={() => remove(term)}>
                {t('glossary.remove')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <ImeSafeForm className="glossary-form" onSubmit={add} noValidate>
        <label className="field">
          <span>{t('glossary.korean')}</span>
          <input lang="ko" value={draft.korean} onChange={(e) => setDraft({ ...draft, korean: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('glossary.english')}</span>
          <input value={draft.english} onChange={(e) => setDraft({ ...draft, english: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('glossary.avoid')}</span>
          <input value={draft.avoid} onChange={(e) => setDraft({ ...draft, avoid: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('glossary.note')}</span>
          <input value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('glossary.scope')}</span>
          <select value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value as 'library' | 'interview' })}>
            <option value="library">{t('glossary.scopes.library')}</option>
            <option value="interview">{t('glossary.scopes.interview')}</option>
          </select>
        </label>
        <button type="submit" className="button small">
          {t('glossary.add')}
        </button>
      </ImeSafeForm>
      <div className="row wrap">
        <label className="button small file-button">
          {t('glossary.import')}
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="button small" onClick={() => void exportAs('csv')}>
          {t('glossary.exportCsv')}
        </button>
        <button type="button" className="button small" onClick={() => void exportAs('tsv')}>
          {t('glossary.exportTsv')}
        </button>
      </div>
      {message && (
        <p className="small" role="status" data-testid="glossary-message">
          {message}
        </p>
      )}
    </div>
  );
}
