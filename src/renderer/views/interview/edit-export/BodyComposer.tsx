import { useTranslation } from '../../../i18n/useTranslation';
import { isWithdrawn } from '../../../../shared/consent';
import { paragraphSourceChanged, segmentsById } from '../../../../shared/article';
import {
  acknowledgeSourceChange,
  addSegments,
  insertBreakAfter,
  narratorSpeakerId,
  mergeWithNext,
  moveBlock,
  refreshFromTranslation,
  removeBlock,
  rewordParagraph,
  setBlockRole,
} from '../../../../shared/article-editing';
import type { Article, Interview } from '../../../../shared/interview';
import { formatTimecode } from '../../../../shared/timecode';
import { newId } from '../../../new-id';

type Props = { interview: Interview; onChange: (article: Article) => void };

export function BodyComposer({ interview, onChange }: Props) {
  const { t } = useTranslation();
  const { article, segments } = interview;
  const startOf = new Map(segments.map((segment) => [segment.id, segment.start]));
  const byId = segmentsById(segments);
  const speakerOf = new Map(segments.map((segment) => [segment.id, segment.speakerId]));
  const withdrawn = new Set(segments.filter(isWithdrawn).map((segment) => segment.id));
  const speakerName = new Map(interview.speakers.map((speaker) => [speaker.id, speaker.name]));
  const narratorId = narratorSpeakerId(interview);
  const narrator = interview.speakers.find((speaker) => speaker.id === narratorId) ?? null;
  /** Who a paragraph's words came from, by its segments' speakers. */
  const speakersOf = (segmentIds: string[]) =>
    [...new Set(segmentIds.map((id) => speakerOf.get(id)).map((id) => (id ? speakerName.get(id) : undefined)).filter((name): name is string => Boolean(name)))].join(', ');
  const blockId = () => newId('blk');

  return (
    <div className="composer">
      <div className="row">
        <button type="button" className="button" onClick={() => onChange(addSegments(article, segments, blockId))}>
          {t('edit.addSegments')}
        </button>
        {narrator && (
          <button type="button" className="button" onClick={() => onChange(addSegments(article, segments.filter((segment) => segment.speakerId === narrator.id), blockId))}>
            {t('edit.addNarrator', { name: narrator.name })}
          </button>
        )}
        <span className="muted small">{t('edit.addSegmentsHint')}</span>
      </div>
      {article.blocks.length === 0 && <p className="muted">{t('edit.emptyBody')}</p>}
      <ol className="blocks">
        {article.blocks.map((block, index) => {
          const tools = (
            <span className="block-tools">
              <button type="button" className="icon-button" title={t('edit.moveUp')} aria-label={t('edit.moveUp')} onClick={() => onChange(moveBlock(article, index, -1))}>
                ↑
              </button>
              <button type="button" className="icon-button" title={t('edit.moveDown')} aria-label={t('edit.moveDown')} onClick={() => onChange(moveBlock(article, index, 1))}>
                ↓
              </button>
              {block.kind === 'paragraph' && article.blocks[index + 1]?.kind === 'paragraph' && (
                <button type="button" className="button small" onClick={() => onChange(mergeWithNext(article, index))}>
                  {t('edit.mergeNext')}
                </button>
              )}
              {block.kind === 'paragraph' && (
                <button type="button" className="button small" onClick={() => onChange(insertBreakAfter(article, index, blockId))}>
                  {t('edit.breakAfter')}
                </button>
              )}
              <button type="button" className="button small danger-quiet" onClick={() => onChange(removeBlock(article, index))}>
                {t('edit.remove')}
              </button>
            </span>
          );
          if (block.kind === 'break') {
            return (
              <li key={block.id} className="block break-block" data-testid="article-block">
                <span className="muted">— {t('edit.sectionBreak')} —</span>
                {tools}
              </li>
            );
          }
          const changed = paragraphSourceChanged(block, byId);
          // Built on a passage the narrator withdrew: the article is refused until it goes.
          const onWithdrawn = block.segmentIds.some((id) => withdrawn.has(id));
          const firstStart = block.segmentIds.map((id) => startOf.get(id)).find((start) => start !== undefined);
          return (
            <li key={block.id} className={['block', changed ? 'changed' : '', onWithdrawn ? 'withdrawn' : ''].join(' ')} data-testid="article-block">
              <div className="block-head">
                <span className="muted small">
                  {block.segmentIds.length > 0 && t('edit.fromSegments', { count: block.segmentIds.length, time: formatTimecode(firstStart ?? 0) })}
                  {block.segmentIds.length > 0 && speakersOf(block.segmentIds) && <span data-testid="block-speaker"> · {speakersOf(block.segmentIds)}</span>}
                </span>
                <select
                  className="block-role"
                  aria-label={t('edit.roleOf', { number: index + 1 })}
                  value={block.role}
                  onChange={(e) => onChange(setBlockRole(article, index, e.target.value as typeof block.role))}
                >
                  {(['paragraph', 'subhead', 'pullQuote', 'editorsNote'] as const).map((role) => (
                    <option key={role} value={role}>
                      {t(`edit.roles.${role}`)}
                    </option>
                  ))}
                </select>
                {tools}
              </div>
              <textarea
                aria-label={`${t('edit.body')} ${index + 1}`}
                rows={Math.min(8, Math.max(2, Math.ceil(block.text.length / 90)))}
                value={block.text}
                onChange={(e) => onChange(rewordParagraph(article, index, e.target.value))}
              />
              {onWithdrawn && (
                <div className="withdrawn-note" role="status" data-testid="withdrawn-note">
                  {t('edit.onWithdrawn')}
                </div>
              )}
              {changed && (
                <div className="changed-note" role="status">
                  {t('edit.sourceChanged')}
                  <button type="button" className="button small" onClick={() => onChange(refreshFromTranslation(article, index, segments))}>
                    {t('edit.useNewTranslation')}
                  </button>
                  <button type="button" className="button small" onClick={() => onChange(acknowledgeSourceChange(article, index, segments))}>
                    {t('edit.keepWording')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
