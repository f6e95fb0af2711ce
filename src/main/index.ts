// Electron's entry: lifecycle and the window. The work itself lives in services/.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, webContents } from 'electron';
import { chooseDataDir } from './services/data-dir';
import { DeskError } from './services/desk-error';
import { createHandlers } from './services/handlers';
import { LibraryLock } from './services/storage/library-lock';
import { LibrarySession } from './services/library-session';
import { installApplicationMenu } from './menu';
import { chooseExportPathWithDialog, chooseModelWithDialog, choosePackageWithDialog, chooseRecordingWithDialog } from './file-dialogs';
import { spawnUtilityWorker } from './speech-worker-host';
import { eventSinkFor, registerIpc } from './ipc';
import { handleAppSchemes, registerAppSchemes } from './protocols';
import { applySecurityBaseline, lockDownDefaultSession } from './security';
import { APP_ENTRY_URL, isLoopbackOrigin, MEDIA_BASE_URL, originOf, secureWebPreferences } from './security-policy';

// electron-vite sets this only for `npm run dev`; a packaged app never loads anything but app://.
const devServerUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL && isLoopbackOrigin(process.env.ELECTRON_RENDERER_URL) ? process.env.ELECTRON_RENDERER_URL : null;
const entryUrl = devServerUrl ?? APP_ENTRY_URL;
const appOrigin = originOf(entryUrl)!;

registerAppSchemes();
applySecurityBaseline(appOrigin);

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Testimony Desk',
    show: false,
    backgroundColor: '#f6f5f2',
    webPreferences: { ...secureWebPreferences(join(__dirname, '../preload/index.js')), devTools: !app.isPackaged },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}

async function start(): Promise<void> {
  // One window per user: a second launch focuses the first instead of opening the library twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  await app.whenReady();
  installApplicationMenu(app.isPackaged);
  const dataDir = chooseDataDir(process.argv, process.env, join(app.getPath('userData'), 'library'));
  lockDownDefaultSession(devServerUrl ? originOf(devServerUrl) : null);
  let lock: LibraryLock;
  try {
    lock = await LibraryLock.acquire(dataDir, 'the Testimony Desk window', { breakStale: process.argv.includes('--break-lock') });
  } catch (error) {
    // The command line (or another computer on a shared folder) has the library: say so, plainly.
    dialog.showErrorBox('Testimony Desk', error instanceof DeskError ? error.message : 'The library could not be opened.');
    app.exit(1);
    return;
  }
  // Packaged, resources/ is unpacked beside the archive: native code (the VAD model) needs real files.
  const resourcesDir = join(app.getAppPath(), 'resources').replace(/app\.asar(?=[\\/]|$)/, 'app.asar.unpacked');
  const session = new LibrarySession({ dataDir, resourcesDir, lock });
  app.on('will-quit', () => {
    void session.close(); // nothing scheduled writes into the library once its lock is released
    void lock.release();
  });
  handleAppSchemes(join(__dirname, '../renderer'), dataDir, () => session.storeOrNull);
  const handlers = await createHandlers({
    session,
    dataDir,
    resourcesDir,
    version: app.getVersion(),
    mediaBaseUrl: MEDIA_BASE_URL,
    emit: eventSinkFor(() => webContents.getAllWebContents()),
    chooseExportPath: chooseExportPathWithDialog,
    chooseRecording: chooseRecordingWithDialog,
    choosePackage: choosePackageWithDialog,
    chooseModel: chooseModelWithDialog,
    spawnWorker: spawnUtilityWorker,
    speechWorkerEntry: join(__dirname, 'speech-worker.js'),
  });
  registerIpc(handlers, appOrigin);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  console.error('[testimony] could not start:', error instanceof Error ? error.name : typeof error);
  app.exit(1);
});
