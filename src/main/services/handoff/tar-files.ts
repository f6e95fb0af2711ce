// A package's files as a tar archive (through `tar-stream`): unlike zip, tar has no checksum to
// compute over a three-hour recording, so packing costs little more than a copy — age's chunks
// authenticate every byte anyway. Any `tar` reads it.
import { extract, pack } from 'tar-stream';

export type PackedFile = { name: string; bytes: Uint8Array };

export async function packFiles(files: PackedFile[], mtime: Date): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve, reject) => {
    archive.on('end', () => resolve());
    archive.on('error', reject);
  });
  for (const file of files) archive.entry({ name: file.name, size: file.bytes.length, mtime, mode: 0o600 }, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  archive.finalize();
  await ended;
  return Buffer.concat(chunks);
}

/** The regular files of a tar archive, by name. */
export async function unpackFiles(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const reader = extract();
  const done = (async () => {
    for await (const entry of reader) {
      const pieces: Buffer[] = [];
      for await (const piece of entry) pieces.push(piece as Buffer);
      if (entry.header.type === 'file') files.set(entry.header.name, Buffer.concat(pieces));
    }
  })();
  reader.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  await done;
  return files;
}
