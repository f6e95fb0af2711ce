import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/useTranslation';
import { findGlossaryHits } from '../../../../shared/glossary';
import type { GlossaryTerm, Segment, Speaker } from '../../../../shared/interview';
import type { RedactionTerm } from '../../../../shared/redaction/index';
import { formatTimecode } from '../../../../shared/timecode';
import { isStale } from '../../../../shared/translation';
import { HighlightedText } from '../../../components/HighlightedText';
import { SourceDiff } from '../../../components/SourceDiff';
import { ImeSafeForm } from '../../../components/ImeSafeForm';
import type { KeyAction } from '../../../../shared/keymap';
import { FindMarks } from '../../../components/FindMarks';
import type { RowFind } from '../find/find-highlight';

export type RowActions = {
  focus(id: string): void;
  translate(id: string, text: string): void;
  editSource(id: string, text: string): void;
  review(id: string): void;
  confirm(id: string): void;
  play(id: string): void;
  loop(id: string): void;
  note(id: string, text: string): void;
  raiseQuery(id: string, text: string): void;
  setQueryStatus(id: string, queryId: string, status: 'open' | 'resolved'): void;
};

type Props = {
  segment: Segment;
  number: number;
  speaker: Speaker | undefined;
  current: boolean;
  sourceEditable: boolean;
  glossary: GlossaryTerm[];
  sensitive: RedactionTerm[];
  sourceLanguage: string;
  targetLanguage: string;
  looping: boolean;
  actions: RowActions;
  /** The live keymap, for the keys shown in the buttons' tooltips. */
  keymap: Record<KeyAction, string>;
  /** Find matches to mark, while the find bar is open. */
  find: RowFind | null;
};

/** The source with glossary terms underlined (agreed English on hover) and sensitive terms marked. */
function SourceText({ text, glossary, sensitive }: { text: string; glossary: GlossaryTerm[]; sensitive: RedactionTerm[] }) {
  const normalized = text.normalize('NFC');
  const pieces: ReactNode[] = [];
  let position = 0;
  for (const hit of findGlossaryHits(normalized, glossary)) {
    if (hit.start > position) pieces.push(<HighlightedText key={`t${position}`} text={normalized.slice(position, hit.start)} terms={sensitive} />);
    pieces.push(
      <span key={`g${hit.start}`} className="glossary-term" title={`${hit.term.english}${hit.term.note ? ` — ${hit.term.note}` : ''}`} data-english={hit.term.english}>
        {normalized.slice(hit.start, hit.end)}
      </span>,
    );
    position = hit.end;
  }
  if (position < normalized.length) pieces.push(<HighlightedText key={`t${position}`} text={normalized.slice(position)} terms={sensitive} />);
  return <>{pieces}</>;
}

export const TranslateRow = memo(function TranslateRow(props: Props) {
  const { segment, number, speaker, current, sourceEditable, actions } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const stale = isStale(segment);
  const openQueries = segment.queries.filter((item) => item.status === 'open').length;

  return (
    <div
      className={['translate-row', current ? 'current' : '', stale ? 'stale' : '', `status-row-${segment.status}`].join(' ')}
      data-testid="translate-row"
      data-segment-id={segment.id}
      data-status={segment.status}
      data-stale={stale}
      onFocus={() => actions.focus(segment.id)}
    >
      <div className="row-meta">
        <span className="mono">{formatTimecode(segment.start)}</span>
        <span className="speaker">
          <span className="speaker-dot" style={{ background: speaker?.color ?? '#999' }} />
          {speaker?.name ?? '—'}
        </span>
        <button type="button" className="icon-button" title={t('translate.play')} aria-label={`${t('translate.play')} ${number}`} onClick={() => actions.play(segment.id)}>
          ▶
        </button>
        <button
          type="button"
          className={props.looping && current ? 'icon-button active' : 'icon-button'}
          title={`${props.looping && current ? t('translate.stopLoop') : t('translate.loop')} (${props.keymap['player.loopSegment']})`}
          aria-label={`${t('translate.loop')} ${number}`}
          onClick={() => actions.loop(segment.id)}
        >
          ⟳
        </button>
      </div>
      <div className="row-source find-stack" lang={props.sourceLanguage}>
        {sourceEditable ? (
          <textarea className="source-input" aria-label={t('translate.sourceOf', { number })} value={segment.source} onChange={(e) => actions.editSource(segment.id, e.target.value)} />
        ) : (
          <div>
            <SourceText text={segment.source} glossary={props.glossary} sensitive={props.sensitive} />
          </div>
        )}
        <FindMarks text={segment.source} field="source" find={props.find} className={sourceEditable ? 'boxed' : ''} />
      </div>
      <div className="row-translation find-stack" lang={props.targetLanguage}>
        <textarea
          className="translation-input"
          aria-label={t('translate.translationOf', { number })}
          value={segment.translation}
          onChange={(e) => actions.translate(segment.id, e.target.value)}
        />
        <FindMarks text={segment.translation} field="translation" find={props.find} className="boxed" />
      </div>
      <div className="row-state">
        <span className={`segment-status segment-${segment.status}`}>{t(`translate.segmentStatus.${segment.status}`)}</span>
        {stale && (
          <span className="stale-badge" role="status">
            {t('translate.stale')}
            <button type="button" className="link small" onClick={() => actions.confirm(segment.id)}>
              {t('translate.confirm')}
            </button>
          </span>
        )}
        {segment.status !== 'reviewed' && segment.translation.trim() !== '' && (
          <button type="button" className="button small" title={`${t('translate.review')} (${props.keymap['translate.markReviewed']})`} onClick={() => actions.review(segment.id)}>
            {t('translate.review')}
          </button>
        )}
        {openQueries > 0 && <span className="query-count">? {openQueries}</span>}
      </div>
      {current && stale && (
        <div className="source-change" data-testid="source-change">
          <span className="muted small">{t('translate.sourceChange')}</span>{' '}
          <SourceDiff before={segment.sourceAtTranslation} after={segment.source} beforeTitle={t('translate.wasThere')} afterTitle={t('translate.isNew')} />
        </div>
      )}
      {current && (
        <div className="row-details">
          <label className="field">
            <span>{t('translate.noteLabel')}</span>
            <textarea rows={2} value={segment.notes} onChange={(e) => actions.note(segment.id, e.target.value)} />
          </label>
          <div className="queries">
            {segment.queries.map((item) => (
              <div key={item.id} className={`query query-${item.status}`} data-testid="row-query">
                <span>{item.text}</span>
                <span className="muted small">{item.status === 'open' ? t('translate.open') : t('translate.resolved')}</span>
                <button type="button" className="link small" onClick={() => actions.setQueryStatus(segment.id, item.id, item.status === 'open' ? 'resolved' : 'open')}>
                  {item.status === 'open' ? t('translate.resolve') : t('translate.reopen')}
                </button>
              </div>
            ))}
            <ImeSafeForm
              className="row"
              onSubmit={(event) => {
                event.preventDefault();
                if (query.trim() === '') return;
                actions.raiseQuery(segment.id, query.trim());
                setQuery('');
              }}
            >
              <input className="query-input" aria-label={t('translate.raiseQuery')} placeholder={t('translate.queryPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
              <button type="submit" className="button small" title={`${t('translate.raiseQuery')} (${props.keymap['translate.raiseQuery']})`}>
                {t('translate.raiseQuery')}
              </button>
            </ImeSafeForm>
          </div>
        </div>
      )}
    </div>
  );
});
