// An Ogg file (Vorbis, Opus) says where it ends: its last page carries the end-of-stream flag.
// A copy cut short (a download or transfer that stopped) ends on an ordinary page instead, and
// nothing else in the file gives it away: ffmpeg reads it without complaint as a shorter recording.
import { open } from 'node:fs/promises';

const CAPTURE = Buffer.from('OggS');
const END_OF_STREAM = 0x04;
const TAIL_BYTES = 128 * 1024;

/** True when the file's last Ogg page is not an end-of-stream page (the file was cut short). */
export async function oggIsCutShort(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    await file.read(tail, 0, length, size - length);
    const last = tail.lastIndexOf(CAPTURE);
    // No page in the last 128 KiB, or a header cut in half: certainly not a proper ending.
    if (last === -1 || last + 6 > tail.length) return true;
    return (tail[last + 5]! & END_OF_STREAM) === 0;
  } finally {
    await file.close();
  }
}
