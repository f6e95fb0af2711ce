// `testimony redact`: a library protected without the window. Marks a person or place (in Korean
// or English; every spelling is then caught, as in the window), lists what is marked, and says the
// list is complete for an interview whose package came without it. The user's own terminal shows
// the names they typed; nothing is logged.
import { randomUUID } from 'node:crypto';
import { RedactionKind, type Redaction } from '../shared/interview';
import { guessRedactionKind, isKorean, proposedSpellings } from '../shared/redaction';
import { libraryFrom, parseCommand, withCliLibrary } from './cli-library';

export const REDACT_USAGE =
  '  testimony redact --data-dir DIR --interview ID (--add NAME [--add NAME…] [--kind person|place|other] [--replacement-en TEXT] [--replacement-ko TEXT] [--reason TEXT] | --list | --complete) [--passphrase-env VAR] [--break-lock]';

type Io = { out: (line: string) => void; err: (line: string) => void };

export async function runRedact(args: readonly string[], io: Io, usage: string): Promise<number> {
  const values = parseCommand(
    args,
    {
      interview: { type: 'string' },
      add: { type: 'string', multiple: true },
      kind: { type: 'string' },
      'replacement-en': { type: 'string', default: '[redacted]' },
      'replacement-ko': { type: 'string', default: '[비공개]' },
      reason: { type: 'string', default: '' },
      list: { type: 'boolean', default: false },
      complete: { type: 'boolean', default: false },
    },
    io,
    usage,
  );
  if (!values) return 2;
  const forms = ((values.add as string[] | undefined) ?? []).map((form) => form.trim()).filter(Boolean);
  const kind = values.kind === undefined ? null : RedactionKind.safeParse(values.kind);
  if (!values['data-dir'] || !values.interview || (forms.length === 0 && !values.list && !values.complete) || (kind && !kind.success)) {
    io.err(`Give --data-dir, --interview, and --add NAME (with --kind person, place or other), --list or --complete.\n${usage}`);
    return 2;
  }
  return withCliLibrary(libraryFrom(values, io), io, 'Redaction', async ({ library }) => {
    let interview = await library.get(String(values.interview));
    if (forms.length > 0) {
      const korean = forms.filter(isKorean);
      const entry: Redaction = {
        id: `red-${randomUUID()}`,
        kind: kind?.success ? kind.data : guessRedactionKind(korean[0] ?? ''),
        korean,
        english: forms.filter((form) => !isKorean(form)),
        rejected: [],
        replacementKo: String(values['replacement-ko']).trim(),
        replacementEn: String(values['replacement-en']).trim(),
        reason: String(values.reason).trim(),
      };
      interview = { ...interview, redactions: [...interview.redactions, entry] };
      io.err(`Marked as ${entry.kind} ${interview.redactions.length}; every export now replaces it with “${entry.replacementEn}” (English) and “${entry.replacementKo}” (Korean).`);
    }
    if (values.complete) {
      interview = { ...interview, redactionsWithheld: false };
      io.err('The redaction list is marked complete: publishable exports are possible again.');
    }
    if (forms.length > 0 || values.complete) await library.save(interview);
    if (values.list) {
      if (interview.redactionsWithheld) io.out('(this interview came without its redaction list: exports wait until it is marked complete)');
      interview.redactions.forEach((entry, index) => {
        const spellings = proposedSpellings(entry);
        io.out(`${index + 1}\t${entry.kind}\t${[...entry.korean, ...entry.english].join(', ')}\t→ ${entry.replacementEn} / ${entry.replacementKo}\t(${spellings.length} spellings shown in the window, every combination caught)`);
      });
    }
    return 0;
  });
}
