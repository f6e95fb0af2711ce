import type { ReactNode } from 'react';
import { matchRanges, type SearchField } from '../../shared/find-replace';
import type { RowFind } from '../views/interview/find/find-highlight';

/**
 * Find matches drawn over a text: a layer laid exactly on top of the field (same box, same
 * wrapping, transparent letters), so a textarea can show marks it cannot contain.
 * `className` gives the layer the field's box (padding, border, line height).
 */
export function FindMarks({ text, field, find, className = '' }: { text: string; field: SearchField; find: RowFind | null; className?: string }) {
  if (!find || !find.fields.includes(field)) return null;
  const ranges = matchRanges(text, find.pattern);
  if (ranges.length === 0) return null;
  const normalized = text.normalize('NFC');
  const pieces: ReactNode[] = [];
  let position = 0;
  for (const [start, end] of ranges) {
    pieces.push(normalized.slice(position, start));
    const current = find.current?.field === field && find.current.start === start && find.current.end === end;
    pieces.push(
      <mark key={start} className={current ? 'find-match current' : 'find-match'} data-testid={current ? 'find-current' : 'find-match'}>
        {normalized.slice(start, end)}
      </mark>,
    );
    position = end;
  }
  pieces.push(normalized.slice(position));
  return (
    <div className={`find-layer ${className}`} aria-hidden="true">
      {pieces}
    </div>
  );
}
