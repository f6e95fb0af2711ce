// The sample interview shipped in resources/sample: a short Korean interview written by the team,
// with English translations and an espeak-ng recording of it.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { Interview } from '../../shared/interview';

export async function readSampleInterview(resourcesDir: string): Promise<{ interview: Interview; recordingPath: string | null }> {
  const folder = join(resourcesDir, 'sample');
  const interview = Interview.parse(JSON.parse(await readFile(join(folder, 'interview.json'), 'utf8')));
  return { interview, recordingPath: interview.recording ? join(folder, interview.recording.fileName) : null };
}
