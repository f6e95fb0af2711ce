// Reading XLIFF as CAT tools write it (OmegaT, Trados, memoQ), per the 1.2 specification, and 2.0
// files too. Inline codes stay in place: the text of paired codes (1.2 <g>, <mrk>; 2.0 <pc>, <mrk>)
// where it stands, a redacted name's placeholder as its equiv-text, other placeholders and native
// codes (<x/>, <bx/>, <ex/>, <ph>, <bpt>, <ept>, <it>, <sc/>, <ec/>) as nothing. Values are never
// coerced ("007" stays "007"), whitespace is kept where xml:space says "preserve", units inside
// groups are read, <alt-trans> (a CAT tool's suggestions) is not a translation.
import { XMLParser } from 'fast-xml-parser';
import { DeskError } from '../desk-error';

/** The ctype (1.2) or type (2.0) of a redacted name's placeholder; on the way back it becomes its equiv-text. */
export const REDACTED_CTYPE = 'x-redacted';

export type XliffUnit = {
  id: string;
  source: string;
  /** null when the unit has no target at all. */
  target: string | null;
  /** The target's state as the file says it: 1.2 state values, or 2.0's initial / translated / reviewed / final. */
  state: string | null;
  /** Notes the translator wrote (the app's own speaker and timing notes left out). */
  notes: string[];
};

/** A node of fast-xml-parser's ordered output: { tag: children, ':@': attributes } or { '#text': text }. */
type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const tagOf = (node: OrderedNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';
const childrenOf = (node: OrderedNode): OrderedNode[] => (Array.isArray(node[tagOf(node)]) ? (node[tagOf(node)] as OrderedNode[]) : []);
const attribute = (node: OrderedNode, name: string): string | undefined => node[':@']?.[`@${name}`];
const children = (node: OrderedNode, tag: string) => childrenOf(node).filter((child) => tagOf(child) === tag);

/** Codes whose content is the original document's formatting, never text to translate. */
const NATIVE_CODES = new Set(['bpt', 'ept', 'ph', 'it', 'sub', 'x', 'bx', 'ex', 'sc', 'ec', 'cp', 'sm', 'em']);

/** Inline content as text, in document order. */
function inlineText(nodes: OrderedNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === '#text') text += String(node['#text']);
    else if (tag === 'g' || tag === 'mrk' || tag === 'pc') text += inlineText(childrenOf(node));
    else if ((tag === 'x' || tag === 'ph') && (attribute(node, 'ctype') === REDACTED_CTYPE || attribute(node, 'type') === REDACTED_CTYPE)) text += attribute(node, 'equiv-text') ?? attribute(node, 'equiv') ?? attribute(node, 'disp') ?? '';
    else if (tag === 'cp') text += String.fromCodePoint(Number.parseInt(attribute(node, 'hex') ?? '20', 16));
    else if (!NATIVE_CODES.has(tag)) text += inlineText(childrenOf(node));
  }
  return text;
}

/** Whitespace as xml:space asks: kept under "preserve", otherwise runs folded to one space and trimmed. */
const spaced = (text: string, preserve: boolean) => (preserve ? text : text.replace(/\s+/g, ' ').trim());
const preserves = (node: OrderedNode, inherited: boolean) => {
  const value = attribute(node, 'xml:space');
  return value === undefined ? inherited : value === 'preserve';
};

/** What this app writes as notes itself: the speaker, the timing, the open queries. */
const OWN_NOTES = ['speaker', 'timing', 'query'];

/** The notes a translator wrote, not this app's own. */
const translatorNotes = (node: OrderedNode): string[] =>
  children(node, 'note')
    .filter((note) => !OWN_NOTES.includes(attribute(note, 'from') ?? '') && !OWN_NOTES.includes(attribute(note, 'category') ?? ''))
    .map((note) => spaced(inlineText(childrenOf(note)), true))
    .filter(Boolean);

function parse(xml: string): OrderedNode[] {
  try {
    // Ordered, untrimmed and untyped: "one <g>two</g> three" stays in order with its spaces.
    return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true }).parse(xml) as OrderedNode[];
  } catch {
    throw new DeskError('refused', 'This is not a readable XLIFF file.');
  }
}

/** The units of an XLIFF 1.2 or 2.0 file made for this interview (by this app, or by a CAT tool that kept its ids). */
export function readXliff(xml: string, interviewId: string): XliffUnit[] {
  const root = parse(xml).find((node) => tagOf(node) === 'xliff');
  if (!root) throw new DeskError('refused', 'This is not an XLIFF file (no <xliff> element).');
  const version = attribute(root, 'version') ?? '';
  const files = children(root, 'file');
  if (files.length === 0) throw new DeskError('refused', `This XLIFF ${version} file holds no <file>.`);
  // 1.2 names the interview in `original`; a 2.0 file converted from ours keeps it in `original` or `id`.
  const file = files.find((candidate) => attribute(candidate, 'original') === interviewId || (version.startsWith('2') && attribute(candidate, 'id') === interviewId));
  if (!file) {
    throw new DeskError('refused', `This XLIFF file was made for another interview (its file is “${attribute(files[0]!, 'original') ?? attribute(files[0]!, 'id') ?? '?'}”, this interview is “${interviewId}”). Nothing was taken.`);
  }
  const preserve = preserves(root, false);
  return version.startsWith('2') ? unitsOf20(file, preserves(file, preserve)) : unitsOf12(file, preserves(file, preserve));
}

/** 1.2: <trans-unit> anywhere below <body>, in <group>s at any depth. */
function unitsOf12(node: OrderedNode, preserve: boolean): XliffUnit[] {
  return childrenOf(node).flatMap((child) => {
    const tag = tagOf(child);
    if (tag === 'trans-unit') {
      const keep = preserves(child, preserve);
      const source = children(child, 'source')[0];
      const target = children(child, 'target')[0];
      return [
        {
          id: attribute(child, 'id') ?? '',
          source: source ? spaced(inlineText(childrenOf(source)), preserves(source, keep)) : '',
          target: target ? spaced(inlineText(childrenOf(target)), preserves(target, keep)) : null,
          state: target ? (attribute(target, 'state') ?? tradosState(child)) : null,
          notes: translatorNotes(child),
        },
      ];
    }
    return tag === 'body' || tag === 'group' ? unitsOf12(child, preserves(child, preserve)) : [];
  });
}

/**
 * Trados Studio (SDLXLIFF) keeps a segment's confirmation in <sdl:seg conf="…"> rather than in the
 * target's state: its levels as XLIFF 1.2 states. The least advanced segment of the unit decides.
 */
const TRADOS_LEVELS: [string, string][] = [
  ['Draft', 'needs-review-translation'],
  ['RejectedTranslation', 'needs-review-translation'],
  ['RejectedSignOff', 'needs-review-translation'],
  ['Translated', 'translated'],
  ['ApprovedTranslation', 'final'],
  ['ApprovedSignOff', 'signed-off'],
];
function tradosState(unit: OrderedNode): string | null {
  const levels = children(unit, 'sdl:seg-defs').flatMap((defs) => children(defs, 'sdl:seg').map((seg) => attribute(seg, 'conf')));
  if (levels.length === 0) return null;
  if (levels.some((level) => level === undefined)) return 'needs-translation'; // a segment not yet confirmed at all
  return TRADOS_LEVELS.find(([level]) => levels.includes(level))?.[1] ?? null;
}

/** 2.0: <unit> in <file> or <group>s; its <segment>s (and <ignorable>s between them) joined in order. */
function unitsOf20(node: OrderedNode, preserve: boolean): XliffUnit[] {
  return childrenOf(node).flatMap((child) => {
    const tag = tagOf(child);
    if (tag === 'group') return unitsOf20(child, preserves(child, preserve));
    if (tag !== 'unit') return [];
    const keep = preserves(child, preserve);
    const parts = childrenOf(child).filter((part) => tagOf(part) === 'segment' || tagOf(part) === 'ignorable');
    const side = (name: string) => parts.map((part) => children(part, name)[0]).map((element) => (element ? inlineText(childrenOf(element)) : null));
    const sources = side('source');
    const targets = side('target');
    const states = parts.filter((part) => tagOf(part) === 'segment').map((part) => attribute(part, 'state') ?? 'initial');
    const notes = children(child, 'notes').flatMap((group) => translatorNotes(group));
    return [
      {
        id: attribute(child, 'name') ?? attribute(child, 'id') ?? '',
        source: spaced(sources.map((text) => text ?? '').join(''), keep),
        target: targets.every((text) => text === null) ? null : spaced(targets.map((text, index) => text ?? sources[index] ?? '').join(''), keep),
        // The least advanced segment decides the unit's state.
        state: ['initial', 'translated', 'reviewed', 'final'].find((state) => states.includes(state)) ?? null,
        notes,
      },
    ];
  });
}
