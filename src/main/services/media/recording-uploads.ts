// A recording dropped on the window arrives from the renderer in pieces: the renderer has the
// file's bytes but (rightly) no say over paths. Pieces are appended in order to a file in the
// library's own .uploads folder, which is then imported like any other recording and removed.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import type { FileStore } from '../storage/file-store';
import { join, resolve } from 'node:path';
import { isRecordingFileName, recordingExtensions } from '../../../shared/media';
import { MediaRefused } from './probe';

type Upload = { path: string; interviewId: string; size: number; received: number; sink: Awaited<ReturnType<FileStore['appendable']>> };

export class RecordingUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly dataDir: string,
    /** Uploads are stored like the rest of the library: sealed when it is encrypted. */
    private readonly store: () => FileStore,
  ) {}

  async begin(interviewId: string, fileName: string, size: number): Promise<string> {
    if (!isRecordingFileName(fileName)) {
      throw new MediaRefused(`That file is not a recording the app can import. Use ${recordingExtensions.join(', ')}.`);
    }
    if (size <= 0) throw new MediaRefused('This file is empty: there is no recording in it.');
    const folder = join(resolve(this.dataDir), '.uploads');
    await mkdir(folder, { recursive: true });
    const id = randomUUID();
    const extension = fileName.toLowerCase().split('.').pop()!;
    const path = join(folder, `${id}.${extension}`);
    const sink = await this.store().appendable(path);
    this.uploads.set(id, { path, interviewId, size, received: 0, sink });
    return id;
  }

  async append(uploadId: string, offset: number, bytes: Uint8Array): Promise<number> {
    const upload = this.required(uploadId);
    if (offset !== upload.received) throw new MediaRefused('A piece of the recording arrived out of order; drop it again.');
    if (upload.received + bytes.length > upload.size) throw new MediaRefused('More arrived than the recording’s size; drop it again.');
    await upload.sink.write(bytes);
    upload.received += bytes.length;
    return upload.received;
  }

  /** The complete upload's path and interview; the caller imports it, then calls discard(). */
  async finish(uploadId: string): Promise<{ path: string; interviewId: string }> {
    const upload = this.required(uploadId);
    if (upload.received !== upload.size) throw new MediaRefused('The recording did not arrive whole; drop it again.');
    await upload.sink.finish();
    return { path: upload.path, interviewId: upload.interviewId };
  }

  async discard(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (upload) {
      await upload.sink.abort();
      await rm(upload.path, { force: true });
    }
  }

  /** Drops every upload for an interview (it is being deleted). */
  async discardFor(interviewId: string): Promise<void> {
    for (const [id, upload] of [...this.uploads]) if (upload.interviewId === interviewId) await this.discard(id);
  }

  private required(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new MediaRefused('That upload is no longer open; drop the recording again.');
    return upload;
  }
}
