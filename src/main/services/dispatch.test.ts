import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/channels';
import { DeskError } from './desk-error';
import { dispatch } from './dispatch';
import { createHandlers, type Handlers } from './handlers';
import { LibrarySession } from './library-session';
import { LibraryLock } from './storage/library-lock';

let handlers: Handlers;
beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'dispatch-'));
  const lock = await LibraryLock.acquire(dataDir, 'dispatch test');
  handlers = await createHandlers({
    session: new LibrarySession({ dataDir, resourcesDir: resolve(__dirname, '../../../resources'), lock, createIfNew: 'plain' }),
    dataDir,
    resourcesDir: resolve(__dirname, '../../../resources'),
    version: 'test',
    mediaBaseUrl: 'media://recordings/',
    chooseExportPath: async () => null,
    chooseRecording: async () => null,
  });
});

// For each channel, arguments that must be refused before any handler runs.
const malformed = [null, 'text', 42, [], { unexpected: true }];

describe('dispatch', () => {
  it.each(channelNames)('%s rejects malformed input with a readable message', async (channel) => {
    for (const args of malformed) {
      const outcome = await dispatch(handlers, channel, args);
      expect(outcome.ok, `${channel} accepted ${JSON.stringify(args)}`).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe('invalid-input');
      expect(outcome.error.message).toContain(`“${channel}” was malformed`);
      expect(outcome.error.message).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('rejects field-level mistakes, saying which field', async () => {
    const created = await dispatch(handlers, 'interview.create', { title: '   ' });
    expect(created).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!created.ok && created.error.message).toMatch(/title/);

    const badId = await dispatch(handlers, 'interview.get', { id: '../library' });
    expect(!badId.ok && badId.error.message).toMatch(/id: not a valid id/);

    const interview = await dispatch(handlers, 'interview.create', { title: 'Valid' });
    if (!interview.ok) throw new Error('create failed');
    const broken = { ...(interview.value as object), segments: [{ id: 'seg-1', start: 5, end: 1 }] };
    const saved = await dispatch(handlers, 'interview.save', { interview: broken });
    expect(saved).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses unknown channels', async () => {
    expect(await dispatch(handlers, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch(handlers, { toString: () => 'x' }, {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('passes valid calls through and returns their result', async () => {
    const outcome = await dispatch(handlers, 'interview.create', { title: '장마당' });
    expect(outcome).toMatchObject({ ok: true, value: { title: '장마당', languages: { source: 'ko', target: 'en' } } });
  });

  it('turns handler failures into readable messages without internal details', async () => {
    const failing = {
      ...handlers,
      'interview.get': async () => {
        throw new DeskError('not-found', 'That interview does not exist.');
      },
      'library.list': async () => {
        throw new Error('secret path /home/x/박영희.json');
      },
    } as Handlers;
    expect(await dispatch(failing, 'interview.get', { id: 'abc-123' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That interview does not exist.' },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const internal = await dispatch(failing, 'library.list', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('박영희');
    // The log says which request failed and how, never what the error quoted.
    expect(logged).toHaveBeenCalledWith('[testimony] library.list failed: Error');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('박영희');
    logged.mockRestore();
  });
});
