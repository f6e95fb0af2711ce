// One way to start the app for a test: real Electron when its binary is installed, otherwise the
// built renderer in Debian's Chromium with `window.desk` bridged to the very same main-side
// handlers (no server, no port). Either way every request that is not the app's own is recorded.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron, chromium, type Browser, type ElectronApplication, type Page, type Request } from '@playwright/test';
import { channelNames } from '../../src/shared/channels';
import { buildDeskApi } from '../../src/shared/desk-api';
import { serveRecording, serveRendererFile } from '../../src/main/services/asset-responses';
import { dispatch } from '../../src/main/services/dispatch';
import { createHandlers } from '../../src/main/services/handlers';
import { LibraryLock } from '../../src/main/services/storage/library-lock';
import { LibrarySession } from '../../src/main/services/library-session';
import { isTrustedSenderUrl } from '../../src/main/security-policy';

export type Transport = 'electron' | 'chromium-bridge';
export type LaunchedApp = {
  page: Page;
  transport: Transport;
  /** Every request that tried to leave the app. Must stay empty. */
  outsideRequests: string[];
  /** What the user will pick in the next save dialog: a path, or null to cancel. */
  answerSaveDialog(path: string | null): Promise<void>;
  /** What the user will pick in the next open dialog for a recording. */
  answerOpenDialog(path: string | null): Promise<void>;
  close(): Promise<void>;
};

const root = resolve(__dirname, '../..');
const rendererDir = join(root, 'out/renderer');
/** The made-up origin the bridge serves the renderer from; page.route only sees http(s). */
export const BRIDGE_ORIGIN = 'http://app.localhost';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium itself phones home (updates, sync, safe
// browsing); those requests never come from the app, but they must not happen during tests.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--autoplay-policy=no-user-gesture-required',
  '--lang=en-US',
];

export function electronBinary(): string | null {
  if (process.env.TESTIMONY_E2E_TRANSPORT === 'chromium-bridge') return null;
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export type LaunchOptions = {
  dataDir: string;
  /** Show the first-start choice (encrypted or plain); otherwise a new library starts plain. */
  firstRun?: boolean;
  /** The main side's clock (embargoes, package times), fixed at this moment: the Chromium bridge only. */
  now?: Date;
};

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('Build the app first: npm run build');
  const binary = electronBinary();
  if (!binary) return launchChromiumBridge(options);
  if (options.now) throw new Error('A fixed clock needs the Chromium bridge (TESTIMONY_E2E_TRANSPORT=chromium-bridge): Electron’s main process keeps its own.');
  if (!options.firstRun) {
    // Real Electron asks on first start; a test that is not about that starts from a plain library.
    const lock = await LibraryLock.acquire(options.dataDir, 'e2e setup');
    await new LibrarySession({ dataDir: options.dataDir, resourcesDir: join(root, 'resources'), lock, createIfNew: 'plain' }).start();
    await lock.release();
  }
  return launchElectron(binary, options.dataDir);
}

type RequestSource = {
  on(event: 'request' | 'requestfailed', listener: (request: Request) => void): unknown;
};

/**
 * Records every request for something that is not the app's own. A request the page's CSP
 * stopped (failure "csp") never left the renderer, so it is taken off the list again.
 */
function trackOutsideRequests(source: RequestSource, ownPrefixes: string[]): string[] {
  const outside: string[] = [];
  const attempts = new Map<Request, string>();
  source.on('request', (request) => {
    const url = request.url();
    if (ownPrefixes.some((prefix) => url.startsWith(prefix))) return;
    attempts.set(request, url);
    outside.push(url);
  });
  source.on('requestfailed', (request) => {
    const url = attempts.get(request);
    if (url === undefined || !/csp/i.test(request.failure()?.errorText ?? '')) return;
    outside.splice(outside.indexOf(url), 1);
  });
  return outside;
}

async function launchElectron(executablePath: string, dataDir: string): Promise<LaunchedApp> {
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [join(root, 'out/main/index.js'), '--data-dir', dataDir],
  });
  const page = await app.firstWindow();
  const outsideRequests = trackOutsideRequests(page, ['app://', 'media://', 'data:', 'blob:']);
  await page.waitForLoadState('domcontentloaded');
  const answerSaveDialog = async (path: string | null) => {
    // The native dialog cannot be clicked by Playwright; answer it the way the user would.
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showSaveDialog = (async () => ({ canceled: chosen === null, filePath: chosen ?? '' })) as typeof dialog.showSaveDialog;
    }, path);
  };
  const answerOpenDialog = async (path: string | null) => {
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showOpenDialog = (async () => ({ canceled: chosen === null, filePaths: chosen ? [chosen] : [] })) as typeof dialog.showOpenDialog;
    }, path);
  };
  return { page, transport: 'electron', outsideRequests, answerSaveDialog, answerOpenDialog, close: () => app.close() };
}

/** The init script that builds `window.desk` over the `__desk` binding, like the preload does. */
function bridgeScript(): string {
  const install = (build: typeof buildDeskApi, channels: readonly string[]) => {
    type BridgeWindow = Window & {
      __desk: (channel: string, argsJson: string) => Promise<string>;
      __deskEmit?: (event: string, payload: unknown) => void;
    };
    const page = window as unknown as BridgeWindow;
    const relays = new Set<(event: string, payload: unknown) => void>();
    page.__deskEmit = (event, payload) => relays.forEach((relay) => relay(event, payload));
    const desk = build(
      channels,
      // JSON text both ways: Playwright's own serializer walks an object value by value (seconds
      // for a 10,000-segment interview), where Electron's IPC copies it in tens of milliseconds.
      async (channel, args) => JSON.parse(await page.__desk(channel, JSON.stringify(args ?? {}))) as unknown,
      (event, listener) => {
        const relay = (name: string, payload: unknown) => name === event && listener(payload);
        relays.add(relay);
        return () => relays.delete(relay);
      },
    );
    Object.defineProperty(window, 'desk', { value: desk, writable: false, configurable: false });
  };
  return `(${install.toString()})(${buildDeskApi.toString()}, ${JSON.stringify(channelNames)});`;
}

async function launchChromiumBridge(options: LaunchOptions): Promise<LaunchedApp> {
  const { dataDir } = options;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, serviceWorkers: 'block', locale: 'en-US' });
  let page: Page | null = null;
  // Stands in for the native save dialog, which only exists in Electron: the test says what
  // the user picks, and the real export code writes there.
  let savePathAnswer: string | null = null;
  let openPathAnswer: string | null = null;
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  const lock = await LibraryLock.acquire(dataDir, 'the Testimony Desk window (test bridge)');
  const session = new LibrarySession({ dataDir, resourcesDir: join(root, 'resources'), lock, createIfNew: options.firstRun ? undefined : 'plain', keyring: { scryptLogN: 12 } });
  const handlers = await createHandlers({
    session,
    dataDir,
    resourcesDir: join(root, 'resources'),
    version,
    mediaBaseUrl: `${BRIDGE_ORIGIN}/media/`,
    chooseExportPath: async () => savePathAnswer,
    chooseRecording: async () => openPathAnswer,
    chooseModel: async () => openPathAnswer,
    speechWorkerEntry: join(root, 'out/main/speech-worker.js'),
    // The test model is tiny: a window that makes no progress for 10 s has hung (the binding
    // does, now and then, on random weights) and is retried in a fresh worker, as in the app.
    draftTimeouts: { stallFloorMs: 10_000 },
    ...(options.now ? { now: () => options.now! } : {}),
    emit: (event, payload) => {
      void page?.evaluate(([name, data]) => (window as { __deskEmit?: (e: unknown, p: unknown) => void }).__deskEmit?.(name, data), [event, payload] as const).catch(() => undefined);
    },
  });

  const outsideRequests = trackOutsideRequests(context, [`${BRIDGE_ORIGIN}/`, 'data:', 'blob:']);
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin !== BRIDGE_ORIGIN) return route.abort('blockedbyclient');
    const response = url.pathname.startsWith('/media/')
      ? await serveRecording(dataDir, url.pathname.slice('/media'.length), request.headers()['range'] ?? null, session.storeOrNull)
      : await serveRendererFile(rendererDir, url.pathname);
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  await context.exposeBinding('__desk', async (source, channel: unknown, argsJson: unknown) => {
    if (!isTrustedSenderUrl(source.frame.url(), BRIDGE_ORIGIN) || typeof argsJson !== 'string') {
      return JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'Refused a request from an unknown page.' } });
    }
    return JSON.stringify(await dispatch(handlers, channel, JSON.parse(argsJson)));
  });
  await context.addInitScript({ content: bridgeScript() });
  page = await context.newPage();
  await page.goto(`${BRIDGE_ORIGIN}/index.html`);
  return {
    page,
    transport: 'chromium-bridge',
    outsideRequests,
    answerSaveDialog: async (path) => {
      savePathAnswer = path;
    },
    answerOpenDialog: async (path) => {
      openPathAnswer = path;
    },
    close: async () => {
      await browser.close();
      await session.close();
      await lock.release();
    },
  };
}
