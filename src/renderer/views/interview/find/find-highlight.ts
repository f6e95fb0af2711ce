// What the find bar tells the rows: the pattern to mark, in which columns, and which match is
// the current one. Rows without the current match share one object, so they do not re-render
// when it moves.
import type { SearchField } from '../../../../shared/find-replace';

export type MatchPlace = { field: SearchField; start: number; end: number };

export type FindHighlight = {
  pattern: RegExp;
  fields: readonly SearchField[];
  /** The match the bar is on, with its row; null until the person moves to one. */
  current: (MatchPlace & { segmentId: string }) | null;
};

/** What one row is told: the pattern and columns, and its own current match if it has it. */
export type RowFind = { pattern: RegExp; fields: readonly SearchField[]; current: MatchPlace | null };
