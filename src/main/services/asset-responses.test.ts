import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPEN_RANGE_BYTES, parseByteRange, serveRecording, serveRendererFile } from './asset-responses';

let dataDir: string;
let rendererDir: string;
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 256));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'assets-'));
  rendererDir = join(dataDir, 'renderer');
  await mkdir(join(dataDir, 'interviews/abc-123/media'), { recursive: true });
  await writeFile(join(dataDir, 'interviews/abc-123/media/talk.ogg'), bytes);
  await writeFile(join(dataDir, 'library.json'), '{"secret":true}');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(join(rendererDir, 'assets/app.js'), 'console.log(1)');
});

describe('parseByteRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=50-10', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
  ])('%s', (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });
});

describe('serveRecording', () => {
  it('answers a Range request with 206, Content-Range and only those bytes', async () => {
    const response = await serveRecording(dataDir, '/abc-123/talk.ogg', 'bytes=100-199');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(response.headers.get('content-length')).toBe('100');
    expect(response.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes.subarray(100, 200));
  });

  it('serves the whole file without Range, advertising range support', async () => {
    const response = await serveRecording(dataDir, '/abc-123/talk.ogg', null);
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect((await response.arrayBuffer()).byteLength).toBe(1000);
  });

  it('answers an open-ended range with a bounded piece, saying so in Content-Range', async () => {
    const big = join(dataDir, 'interviews/abc-123/media/long.mp3');
    await writeFile(big, Buffer.alloc(MAX_OPEN_RANGE_BYTES + 1000));
    const response = await serveRecording(dataDir, '/abc-123/long.mp3', 'bytes=500-');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 500-${500 + MAX_OPEN_RANGE_BYTES - 1}/${MAX_OPEN_RANGE_BYTES + 1000}`);
    expect((await response.arrayBuffer()).byteLength).toBe(MAX_OPEN_RANGE_BYTES);
  });

  it('answers 416 past the end', async () => {
    const response = await serveRecording(dataDir, '/abc-123/talk.ogg', 'bytes=2000-');
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
  });

  it.each(['/abc-123/../../library.json', '/..%2F..%2Flibrary.json/x', '/abc-123/missing.ogg', '/abc-123', '/%E0%A4%A/x'])(
    'refuses %s',
    async (path) => {
      expect((await serveRecording(dataDir, path, null)).status).toBe(404);
    },
  );
});

describe('serveRendererFile', () => {
  it('serves index.html with the Content-Security-Policy', async () => {
    const response = await serveRendererFile(rendererDir, '/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves assets with their type and refuses paths outside the renderer', async () => {
    const script = await serveRendererFile(rendererDir, '/assets/app.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await serveRendererFile(rendererDir, '/../library.json')).status).toBe(404);
    expect((await serveRendererFile(rendererDir, '/%2e%2e/library.json')).status).toBe(404);
  });
});
