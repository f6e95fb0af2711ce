// ELAN's annotation format (EAF 3.0), so linguists and archives can take the work further: one
// time-aligned tier per speaker, and under each the translation as a dependent tier of
// reference annotations (Symbolic_Association: one translation per utterance, same times).
import { XMLBuilder } from 'fast-xml-parser';
import type { Interview } from '../../../shared/interview';
import { segmentText, speakerNames } from './transcript-layout';

const mimeTypes: Record<string, string> = { ogg: 'audio/ogg', opus: 'audio/ogg', mp3: 'audio/mpeg', wav: 'audio/x-wav', m4a: 'audio/mp4', aac: 'audio/aac', flac: 'audio/flac', webm: 'audio/webm', mp4: 'video/mp4', mov: 'video/quicktime' };
const ISO_639_3: Record<string, string> = { ko: 'kor', en: 'eng' };
const LANGUAGE_LABELS: Record<string, string> = { kor: 'Korean (kor)', eng: 'English (eng)' };

export function buildEaf(interview: Interview, now: Date = new Date()): string {
  const nameOf = speakerNames(interview);
  const slots: { TIME_SLOT_ID: string; TIME_VALUE: number }[] = [];
  const slotFor = (seconds: number) => {
    const id = `ts${slots.length + 1}`;
    slots.push({ TIME_SLOT_ID: id, TIME_VALUE: Math.round(seconds * 1000) });
    return id;
  };
  let annotationCount = 0;
  const nextAnnotation = () => `a${++annotationCount}`;
  const tiers = new Map<string, { utterances: object[]; translations: object[] }>();
  const segments = interview.segments.filter((segment) => segment.source.trim() || segment.translation.trim());
  for (const segment of segments) {
    const speaker = nameOf(segment.speakerId);
    const tier = tiers.get(speaker) ?? { utterances: [], translations: [] };
    tiers.set(speaker, tier);
    const id = nextAnnotation();
    tier.utterances.push({
      ALIGNABLE_ANNOTATION: { '@_ANNOTATION_ID': id, '@_TIME_SLOT_REF1': slotFor(segment.start), '@_TIME_SLOT_REF2': slotFor(Math.max(segment.end, segment.start + 0.001)), ANNOTATION_VALUE: segmentText(segment, 'source') },
    });
    tier.translations.push({ REF_ANNOTATION: { '@_ANNOTATION_ID': nextAnnotation(), '@_ANNOTATION_REF': id, ANNOTATION_VALUE: segmentText(segment, 'target') } });
  }
  const source = ISO_639_3[interview.languages.source.slice(0, 2)] ?? interview.languages.source;
  const target = ISO_639_3[interview.languages.target.slice(0, 2)] ?? interview.languages.target;
  const recording = interview.recording;
  const extension = recording?.fileName.split('.').pop()?.toLowerCase() ?? '';
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    ANNOTATION_DOCUMENT: {
      '@_AUTHOR': '',
      '@_DATE': now.toISOString(),
      '@_FORMAT': '3.0',
      '@_VERSION': '3.0',
      // Identifiers every EAF file carries (a namespace and the schema's name); nothing fetches them.
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:noNamespaceSchemaLocation': 'http://www.mpi.nl/tools/elan/EAFv3.0.xsd',
      HEADER: {
        '@_MEDIA_FILE': '',
        '@_TIME_UNITS': 'milliseconds',
        // The recording is named as the library stores it, relative: the archive puts it beside the file.
        // A relative reference in both: file:///recording.ogg would point at the disk's root.
        ...(recording ? { MEDIA_DESCRIPTOR: { '@_MEDIA_URL': recording.fileName, '@_MIME_TYPE': mimeTypes[extension] ?? 'audio/*', '@_RELATIVE_MEDIA_URL': `./${recording.fileName}` } } : {}),
        PROPERTY: { '@_NAME': 'lastUsedAnnotationId', '#text': String(annotationCount) },
      },
      TIME_ORDER: { TIME_SLOT: slots.map((slot) => ({ '@_TIME_SLOT_ID': slot.TIME_SLOT_ID, '@_TIME_VALUE': slot.TIME_VALUE })) },
      TIER: [...tiers.entries()].flatMap(([speaker, tier]) => [
        { '@_TIER_ID': speaker, '@_PARTICIPANT': speaker, '@_LINGUISTIC_TYPE_REF': 'utterance', '@_LANG_REF': source, ANNOTATION: tier.utterances },
        { '@_TIER_ID': `${speaker} (translation)`, '@_PARENT_REF': speaker, '@_PARTICIPANT': speaker, '@_LINGUISTIC_TYPE_REF': 'translation', '@_LANG_REF': target, ANNOTATION: tier.translations },
      ]),
      LINGUISTIC_TYPE: [
        { '@_LINGUISTIC_TYPE_ID': 'utterance', '@_TIME_ALIGNABLE': 'true', '@_GRAPHIC_REFERENCES': 'false' },
        { '@_LINGUISTIC_TYPE_ID': 'translation', '@_TIME_ALIGNABLE': 'false', '@_CONSTRAINTS': 'Symbolic_Association', '@_GRAPHIC_REFERENCES': 'false' },
      ],
      // A label, not a LANG_DEF link: the file names its languages and points nowhere.
      LANGUAGE: [...new Set([source, target])].map((code) => ({ '@_LANG_ID': code, '@_LANG_LABEL': LANGUAGE_LABELS[code] ?? code })),
      CONSTRAINT: { '@_STEREOTYPE': 'Symbolic_Association', '@_DESCRIPTION': '1-1 association with a parent annotation' },
    },
  };
  // suppressBooleanAttributes off: the builder would otherwise write TIME_ALIGNABLE="true" as a bare
  // attribute name, which is not XML (ELAN, pympi and xmllint refuse the file).
  return new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false }).build(document);
}
