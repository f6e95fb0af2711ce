// The security baseline as plain decisions, without Electron, so each one is unit-tested.
// security.ts applies them to the session and web contents.

/** Schemes the app serves itself. Everything else (http, https, ws, ftp, file…) is cancelled. */
export const APP_SCHEME = 'app';
export const MEDIA_SCHEME = 'media';
export const APP_ENTRY_URL = `${APP_SCHEME}://renderer/index.html`;
export const MEDIA_BASE_URL = `${MEDIA_SCHEME}://recordings/`;
const ownSchemes = new Set([`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'blob:', 'data:', 'devtools:']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * `scheme://host` of a URL. Node's URL gives "null" as the origin of custom schemes like app://,
 * where Chromium, which registered them as standard, gives app://renderer; this agrees with it.
 */
export function originOf(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * May this request leave the renderer? Only the app's own schemes, plus the local dev server
 * during `npm run dev` (a loopback address handed to us by electron-vite, never a remote host).
 */
export function isAllowedRequestUrl(url: string, devServerOrigin: string | null = null): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (ownSchemes.has(parsed.protocol)) return true;
  return devServerOrigin !== null && originOf(url) === devServerOrigin && isLoopbackOrigin(devServerOrigin);
}

export function isLoopbackOrigin(origin: string): boolean {
  const parsed = parseUrl(origin);
  return parsed !== null && parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
}

/** The renderer never navigates away from itself; links to the web are not followed. */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/** Only the frame showing our own renderer may call the main side. */
export function isTrustedSenderUrl(frameUrl: string | undefined, appOrigin: string): boolean {
  return frameUrl !== undefined && originOf(frameUrl) === appOrigin;
}

/** Playback needs no permission; copying to the clipboard and full screen are harmless. */
const grantedPermissions = new Set(['clipboard-sanitized-write', 'fullscreen']);
export function shouldGrantPermission(permission: string): boolean {
  return grantedPermissions.has(permission);
}

/** Pop-ups and `window.open` are always refused. */
export function decideWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Where Chromium would download Hunspell dictionaries from. Pointed at the app's own scheme,
 * where nothing answers, so the download can never reach the internet.
 */
export const SPELLCHECK_DICTIONARY_URL = `${APP_SCHEME}://renderer/no-dictionaries/`;

/** Web preferences for every window: the renderer is a sandboxed page with one preload. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}
