// Electron's entry: lifecycle and the window. The work itself lives in services/.
import { join } from 'node:path';
import { app, BrowserWindow, webContents } from 'electron';
import { chooseDataDir } from './services/data-dir';
import { createHandlers } from './services/handlers';
import { chooseExportPathWithDialog, chooseRecordingWithDialog } from './file-dialogs';
import { eventSinkFor, registerIpc } from './ipc';
import { handleAppSchemes, registerAppSchemes } from './protocols';
import { applySecurityBaseline, lockDownDefaultSession } from './security';
import { APP_ENTRY_URL, isLoopbackOrigin, MEDIA_BASE_URL, originOf, secureWebPreferences } from './security-policy';

// electron-vite sets this only for `npm run dev`; the production renderer is always app://.
const devServerUrl = process.env.ELECTRON_RENDERER_URL && isLoopbackOrigin(process.env.ELECTRON_RENDERER_URL) ? process.env.ELECTRON_RENDERER_URL : null;
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
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = chooseDataDir(process.argv, process.env, join(app.getPath('userData'), 'library'));
  lockDownDefaultSession(devServerUrl ? originOf(devServerUrl) : null);
  handleAppSchemes(join(__dirname, '../renderer'), dataDir);
  const handlers = await createHandlers({
    dataDir,
    resourcesDir: join(app.getAppPath(), 'resources'),
    version: app.getVersion(),
    mediaBaseUrl: MEDIA_BASE_URL,
    emit: eventSinkFor(() => webContents.getAllWebContents()),
    chooseExportPath: chooseExportPathWithDialog,
    chooseRecording: chooseRecordingWithDialog,
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
