// Hand-off conflicts, side by side: each resolved with one key — M keeps mine, T takes theirs,
// E edits — or its buttons. Exports wait until the list is empty. "Undo merge" puts back the
// interview as it was before the merge.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/useTranslation';
import type { Interview, MergeConflict } from '../../../shared/interview';
import { resolveConflict } from '../../../shared/merge';
import { call, messageOf } from '../../api';
import { isImeKeystroke } from '../../ime';

type Props = { interview: Interview; onChange: (next: Interview) => void; onReplaced: (next: Interview) => void };

export function ConflictList({ interview, onChange, onReplaced }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const conflicts = interview.mergeConflicts;
  if (conflicts.length === 0) return null;
  const number = (conflict: MergeConflict) => interview.segments.findIndex((segment) => segment.id === conflict.targetId) + 1;
  const resolve = (conflict: MergeConflict, choice: Parameters<typeof resolveConflict>[2]) => onChange(resolveConflict(interview, conflict.id, choice));

  const onKey = (event: KeyboardEvent<HTMLLIElement>, conflict: MergeConflict) => {
    if (isImeKeystroke(event) || event.ctrlKey || event.metaKey || event.altKey || editing) return;
    const key = event.key.toLowerCase();
    if (key === 'm') resolve(conflict, { take: 'mine' });
    else if (key === 't') resolve(conflict, { take: 'theirs' });
    else if (key === 'e') setEditing({ id: conflict.id, text: conflict.mine });
    else return;
    event.preventDefault();
  };

  const undo = async () => {
    try {
      onReplaced(await call('interview.undoMerge', { id: interview.id }));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <section className="panel conflicts" aria-label={t('handoff.conflictsTitle', { count: conflicts.length })} data-testid="conflicts">
      <div className="row">
        <strong>{t('handoff.conflictsTitle', { count: conflicts.length })}</strong>
        <span className="muted small">{t('handoff.conflictsHint')}</span>
        <span className="spacer" />
        <button type="button" className="button small" onClick={() => void undo()}>
          {t('handoff.undoMerge')}
        </button>
      </div>
      {problem && <p className="field-error">{problem}</p>}
      <ul>
        {conflicts.map((conflict) => (
          <li key={conflict.id} tabIndex={0} data-testid="conflict" onKeyDown={(event) => onKey(event, conflict)}>
            <div className="conflict-where small muted">
              {conflict.scope === 'segment' ? t('handoff.segmentField', { number: number(conflict), field: conflict.field }) : conflict.field} ·{' '}
              {t('handoff.byThem', { author: conflict.theirAuthor || '—' })}
            </div>
            <div className="conflict-sides">
              <div>
                <span className="small muted">{t('handoff.mine')}</span>
                <p data-testid="mine">{conflict.mine || t('handoff.deleted')}</p>
              </div>
              <div>
                <span className="small muted">{t('handoff.theirs')}</span>
                <p data-testid="theirs">{conflict.theirs || t('handoff.deleted')}</p>
              </div>
            </div>
            {editing?.id === conflict.id ? (
              <div className="row">
                <textarea aria-label={t('handoff.editLabel')} value={editing.text} onChange={(e) => setEditing({ id: conflict.id, text: e.target.value })} />
                <button type="button" className="button small primary" onClick={() => (resolve(conflict, { take: 'text', text: editing.text }), setEditing(null))}>
                  {t('handoff.useEdit')}
                </button>
              </div>
            ) : (
              <div className="row">
                <button type="button" className="button small" onClick={() => resolve(conflict, { take: 'mine' })} title="M">
                  {t('handoff.keepMine')}
                </button>
                <button type="button" className="button small" onClick={() => resolve(conflict, { take: 'theirs' })} title="T">
                  {t('handoff.takeTheirs')}
                </button>
                <button type="button" className="button small" onClick={() => setEditing({ id: conflict.id, text: conflict.mine })} title="E">
                  {t('handoff.edit')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
