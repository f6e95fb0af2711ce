// ffmpeg measures a WAV by its size on disk, so a WAV cut short looks like a shorter recording.
// Its header still says how much sound there should be: compare the two.
import { open } from 'node:fs/promises';

/** True when the WAV's data chunk claims more bytes than the file holds. */
export async function wavIsCutShort(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(Math.min(size, 64 * 1024));
    await file.read(header, 0, header.length, 0);
    if (header.toString('ascii', 0, 4) !== 'RIFF' || header.toString('ascii', 8, 12) !== 'WAVE') return false;
    for (let offset = 12; offset + 8 <= header.length; ) {
      const id = header.toString('ascii', offset, offset + 4);
      const length = header.readUInt32LE(offset + 4);
      if (id === 'data') return length !== 0xffffffff && offset + 8 + length > size;
      offset += 8 + length + (length % 2);
    }
    return false;
  } finally {
    await file.close();
  }
}
