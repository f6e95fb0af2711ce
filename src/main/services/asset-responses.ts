// Fetch-style answers, (path, headers) → Response, shared by Electron's protocol handlers and the
// test bridge's routes, so both serve the renderer and recordings in exactly the same way.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { FileStore } from './storage/file-store';
import { mediaFolder, realPathInside, RECORDING_FILE_NAME, resolveInside } from './data-paths';
import { DeskError } from './desk-error';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.webm': 'audio/webm',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
};

const contentTypeOf = (path: string): string => contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';

const notFound = (): Response => new Response('Not found', { status: 404 });

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

function decodedSegments(urlPath: string): string[] | null {
  try {
    return urlPath.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** Serves the built renderer; every HTML answer carries the Content-Security-Policy. */
export async function serveRendererFile(rendererDir: string, urlPath: string): Promise<Response> {
  const segments = decodedSegments(urlPath);
  if (!segments) return notFound();
  let path: string;
  try {
    path = resolveInside(rendererDir, ...(segments.length ? segments : ['index.html']));
  } catch {
    return notFound();
  }
  const size = await fileSize(path);
  if (size === null) return notFound();
  const headers = new Headers({ 'Content-Type': contentTypeOf(path), 'Content-Length': String(size), 'X-Content-Type-Options': 'nosniff' });
  if (path.endsWith('.html')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, { status: 200, headers });
}

export type ByteRange = { start: number; end: number };

/**
 * Parses a single-range `Range` header against a file size. Returns null when there is no usable
 * Range header (serve the whole file) and 'unsatisfiable' when it asks for bytes past the end.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** An open-ended Range ("bytes=N-") is answered with at most this much; players ask for more. */
export const MAX_OPEN_RANGE_BYTES = 4 * 1024 * 1024;

/**
 * Serves `<interviewId>/<fileName>` from that interview's media folder, answering Range requests
 * (206 / Content-Range / 416) from a stream of just those bytes, so long recordings seek at once.
 * Open-ended ranges get a bounded piece, which HTTP allows and media players expect: neither
 * transport ever holds a whole three-hour recording to answer one request.
 */
export async function serveRecording(dataDir: string, urlPath: string, rangeHeader: string | null, store: FileStore | null = new FileStore(null)): Promise<Response> {
  if (!store) return notFound(); // the library is locked
  const segments = decodedSegments(urlPath);
  if (!segments || segments.length !== 2) return notFound();
  let path: string | null;
  try {
    if (!RECORDING_FILE_NAME.test(segments[1]!) || segments[1]!.includes('..')) return notFound();
    const folder = mediaFolder(dataDir, segments[0]!);
    path = await realPathInside(resolve(dataDir), resolveInside(folder, segments[1]!));
  } catch (error) {
    if (error instanceof DeskError) return notFound();
    throw error;
  }
  if (path === null) return notFound();
  // An encrypted recording is read through the store: only the chunks the range touches are decrypted.
  const reader = await store.openRecording(path).catch(() => null);
  if (reader === null) return notFound();
  const size = reader.size;
  // no-store: a decrypted recording must never land in a browser cache on disk.
  const headers = new Headers({ 'Content-Type': contentTypeOf(path), 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' });
  const range = parseByteRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    await reader.close();
    return new Response(null, { status: 416, headers });
  }
  const { start, end: requestedEnd } = range ?? { start: 0, end: size - 1 };
  const openEnded = range !== null && /^bytes=\d+-$/.test(rangeHeader?.trim() ?? '');
  const end = openEnded ? Math.min(requestedEnd, start + MAX_OPEN_RANGE_BYTES - 1) : requestedEnd;
  headers.set('Content-Length', String(end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  if (size === 0) {
    await reader.close();
    return new Response(null, { status: range ? 206 : 200, headers });
  }
  const stream = reader.stream(start, end);
  stream.once('close', () => void reader.close());
  return new Response(Readable.toWeb(stream) as ReadableStream, { status: range ? 206 : 200, headers });
}
