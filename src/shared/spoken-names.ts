// Where listed names are spoken, for a recording that can be published without giving anyone away.
// Every occurrence of a listed name in the transcript's source is one place the recording says it;
// each gets a proposed stretch (by its position among the segment's words) that a person confirms
// by listening, moves, or waives. The recording is published only when every occurrence is
// decided; confirmed stretches, stretches marked on the waveform and withdrawn passages are what
// the published recording silences.
import { isWithdrawn } from './consent';
import type { Interview, Segment, SpokenName } from './interview';
import { termOccurrences, type RedactionTerm } from './redaction';

/** One occurrence of a listed name in a segment's source, and the stretch proposed for it. */
export type NameOccurrence = {
  key: string;
  segmentId: string;
  /** 1-based, as the window numbers segments. */
  segmentNumber: number;
  termNumber: number;
  /** The words as written in the transcript (shown in the app only, never exported or logged). */
  written: string;
  proposed: { start: number; end: number };
  decision: SpokenName | null;
};

/** Room around a proposed name: speech runs a little ahead of or behind the text's proportion (and a short name gets room to be heard). */
const PROPOSAL_MARGIN_SECONDS = 0.35;

/**
 * The stretch a name most likely takes: the segment's time shared out by characters of speech
 * (spaces and punctuation take none), widened by a margin, kept inside the segment.
 */
export function proposedStretch(segment: Pick<Segment, 'start' | 'end' | 'source'>, from: number, to: number): { start: number; end: number } {
  const spoken = (text: string) => text.replace(/[\s\p{P}]/gu, '').length;
  const total = Math.max(1, spoken(segment.source));
  const duration = segment.end - segment.start;
  const at = (characters: number) => segment.start + (duration * characters) / total;
  const start = at(spoken(segment.source.slice(0, from))) - PROPOSAL_MARGIN_SECONDS;
  const end = at(spoken(segment.source.slice(0, to))) + PROPOSAL_MARGIN_SECONDS;
  const round = (seconds: number) => Math.round(seconds * 100) / 100;
  return { start: round(Math.max(segment.start, start)), end: round(Math.min(segment.end, end)) };
}

/** Every listed name's occurrence in the sources, each with its proposal and the decision taken on it. */
export function nameOccurrences(interview: Pick<Interview, 'segments' | 'spokenNames'>, terms: RedactionTerm[]): NameOccurrence[] {
  const decided = new Map(interview.spokenNames.map((name) => [name.key, name]));
  const occurrences: NameOccurrence[] = [];
  interview.segments.forEach((segment, index) => {
    if (isWithdrawn(segment)) return; // silenced whole
    const seen = new Map<string, number>();
    for (const match of termOccurrences(segment.source, terms)) {
      // Keyed by the words and their count in the segment: stable while the rest of the text changes.
      const words = match.text.normalize('NFC').toLowerCase();
      const nth = (seen.get(words) ?? 0) + 1;
      seen.set(words, nth);
      const key = `${segment.id}:${words}:${nth}`;
      occurrences.push({
        key,
        segmentId: segment.id,
        segmentNumber: index + 1,
        termNumber: match.term.number,
        written: match.text,
        proposed: proposedStretch(segment, match.start, match.end),
        decision: decided.get(key) ?? null,
      });
    }
  });
  return occurrences;
}

/** The interview with this occurrence decided (a stretch confirmed where the person heard it, or waived). */
export function withDecision(interview: Interview, occurrence: Pick<NameOccurrence, 'key'>, decision: { state: SpokenName['state']; start: number; end: number }, newId: () => string): Interview {
  const existing = interview.spokenNames.find((name) => name.key === occurrence.key);
  const entry: SpokenName = { id: existing?.id ?? newId(), key: occurrence.key, origin: existing?.origin ?? 'text', ...decision, start: Math.min(decision.start, decision.end), end: Math.max(decision.start, decision.end) };
  return { ...interview, spokenNames: [...interview.spokenNames.filter((name) => name.key !== occurrence.key), entry] };
}

/** A stretch someone marked on the waveform as a spoken name (one the transcript may not show). */
export function withMarkedStretch(interview: Interview, start: number, end: number, newId: () => string): Interview {
  const id = newId();
  return { ...interview, spokenNames: [...interview.spokenNames, { id, key: `marked:${id}`, start: Math.min(start, end), end: Math.max(start, end), state: 'confirmed', origin: 'marked' }] };
}

/** Why the recording may not be published yet: occurrences nobody decided, counted, with the first few segments. */
export function undecidedNames(occurrences: NameOccurrence[]): string | null {
  const open = occurrences.filter((occurrence) => occurrence.decision === null);
  if (open.length === 0) return null;
  const segments = [...new Set(open.map((occurrence) => occurrence.segmentNumber))];
  return `${open.length} spoken name${open.length === 1 ? ' is' : 's are'} not yet confirmed or waived (segment${segments.length === 1 ? '' : 's'} ${segments.slice(0, 8).join(', ')}${segments.length > 8 ? ', …' : ''}): listen to each in Edit & Export › Recording to publish, then confirm or waive it.`;
}

/** What the published recording silences, in time order and merged: confirmed names, marked stretches, withdrawn passages. */
export function silencedStretches(interview: Interview): { start: number; end: number }[] {
  const stretches = [
    ...interview.spokenNames.filter((name) => name.state === 'confirmed').map(({ start, end }) => ({ start, end })),
    ...interview.segments.filter(isWithdrawn).map(({ start, end }) => ({ start, end })),
  ].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const stretch of stretches) {
    const last = merged.at(-1);
    if (last && stretch.start <= last.end) last.end = Math.max(last.end, stretch.end);
    else merged.push({ ...stretch });
  }
  return merged;
}
