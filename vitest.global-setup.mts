// Tests and benchmarks make their folders with mkdtemp in the system's temp folder, and not all of
// them remove what they made (a developer's /tmp had ~5,000 of them, 7.9 GB). Each run gets a temp
// folder of its own, handed to the test processes through TMPDIR, and removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const runFolder = mkdtempSync(join(tmpdir(), 'testimony-run-'));
  process.env.TMPDIR = runFolder;
  return () => rmSync(runFolder, { recursive: true, force: true, maxRetries: 5 });
}
