// Reading a transcript file from disk for the command line: the same first look the window takes
// (its first 256 KB) before the whole file is read, so a 35 MB file that is not subtitles is
// refused in a moment, in little memory, rather than after being read and parsed in full.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { SNIFF_BYTES, subtitleHeadProblem } from '../../../shared/transcript-sniff';
import { DeskError } from '../desk-error';

export async function readTranscriptFile(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    // `stream: true`: a character cut at the end of the look is left out, not turned into U+FFFD.
    const problem = subtitleHeadProblem(basename(path), new TextDecoder('utf-8').decode(head.subarray(0, bytesRead), { stream: true }));
    if (problem) throw new DeskError('refused', problem);
    return await file.readFile('utf8');
  } finally {
    await file.close();
  }
}
