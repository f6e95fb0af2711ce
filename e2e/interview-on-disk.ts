// An interview as a plain library holds it on disk, read without the app: interview.json, then
// the autosaves saved since (interviews/<id>/changes/<n>.json, in order) applied over it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Interview } from '../src/shared/interview';
import { applyChanges, type InterviewChanges } from '../src/shared/interview-changes';

export async function interviewOnDisk(dataDir: string, id: string): Promise<Interview> {
  const folder = join(dataDir, 'interviews', id);
  let interview = JSON.parse(await readFile(join(folder, 'interview.json'), 'utf8')) as Interview;
  const changes = (await readdir(join(folder, 'changes')).catch(() => [] as string[])).filter((name) => /^\d{8}\.json$/.test(name)).sort();
  for (const name of changes) {
    const record = JSON.parse(await readFile(join(folder, 'changes', name), 'utf8')) as InterviewChanges & { updatedAt: string };
    interview = { ...applyChanges(interview, record), updatedAt: record.updatedAt };
  }
  return interview;
}

/** The one interview of a library that holds one. */
export async function onlyInterviewOnDisk(dataDir: string): Promise<Interview> {
  const [id] = await readdir(join(dataDir, 'interviews'));
  return interviewOnDisk(dataDir, id!);
}
