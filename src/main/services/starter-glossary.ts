// The glossary a new library starts with: North Korea terms agreed by the team
// (resources/glossary/starter.tsv).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GlossaryTerm } from '../../shared/interview';
import { parseGlossary } from './glossary-files';

export async function readStarterGlossary(resourcesDir: string): Promise<GlossaryTerm[]> {
  const { rows } = parseGlossary(await readFile(join(resourcesDir, 'glossary', 'starter.tsv'), 'utf8'));
  return rows.map((row) => ({ id: `glo-${randomUUID()}`, ...row }));
}
