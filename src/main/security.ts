// Applies security-policy.ts to Electron: the network is closed to everything but the app's own
// schemes, permissions are refused, and nothing navigates, opens windows or attaches webviews.
import { app, session, type Session, type WebContents } from 'electron';
import {
  decideWindowOpen,
  isAllowedNavigation,
  isAllowedRequestUrl,
  shouldGrantPermission,
  SPELLCHECK_DICTIONARY_URL,
} from './security-policy';

export function lockDownSession(target: Session, devServerOrigin: string | null): void {
  target.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, devServerOrigin) });
  });
  target.setPermissionRequestHandler((_contents, permission, callback) => callback(shouldGrantPermission(permission)));
  target.setPermissionCheckHandler((_contents, permission) => shouldGrantPermission(permission));
  target.setSpellCheckerEnabled(false);
  target.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
}

export function lockDownWebContents(contents: WebContents, appOrigin: string): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(decideWindowOpen);
}

/** Before `ready`: sandbox every renderer and guard every web contents as it is created. */
export function applySecurityBaseline(appOrigin: string): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, appOrigin));
}

/** After `ready`, before the first window. */
export function lockDownDefaultSession(devServerOrigin: string | null): void {
  lockDownSession(session.defaultSession, devServerOrigin);
}
