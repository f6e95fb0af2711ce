// The native save dialog for exports. The main side chooses the path with the user; the
// renderer never sends one.
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { ExportPathChooser, RecordingChooser } from './services/handlers';
import type { ModelChooser } from './services/speech/speech-handlers';
import { recordingExtensions } from './services/media/media-types';

export const chooseExportPathWithDialog: ExportPathChooser = async ({ fileName, extension }) => {
  const options = {
    defaultPath: join(app.getPath('documents'), fileName),
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
  };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
};

export const chooseRecordingWithDialog: RecordingChooser = async () => {
  const options = {
    properties: ['openFile' as const],
    filters: [{ name: 'Recordings', extensions: recordingExtensions }],
  };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};

export const choosePackageWithDialog: RecordingChooser = async () => {
  const options = { properties: ['openFile' as const], filters: [{ name: 'Testimony Desk package', extensions: ['testimony'] }] };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};

/** A whisper.cpp model file (ggml-*.bin), or a folder holding several. */
export const chooseModelWithDialog: ModelChooser = async (kind) => {
  const options =
    kind === 'folder'
      ? { properties: ['openDirectory' as const] }
      : { properties: ['openFile' as const], filters: [{ name: 'whisper.cpp model', extensions: ['bin'] }] };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
};
