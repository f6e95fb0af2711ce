// app:// serves the built renderer and media:// serves recordings (with Range), both through the
// same fetch-style functions the test bridge uses.
import { protocol } from 'electron';
import { serveRecording, serveRendererFile } from './services/asset-responses';
import type { FileStore } from './services/storage/file-store';
import { APP_SCHEME, MEDIA_SCHEME } from './security-policy';

/** Must run before `ready`. */
export function registerAppSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** `currentStore` gives the open library's store (null while locked: recordings answer 404). */
export function handleAppSchemes(rendererDir: string, dataDir: string, currentStore: () => FileStore | null): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, new URL(request.url).pathname));
  protocol.handle(MEDIA_SCHEME, (request) =>
    serveRecording(dataDir, new URL(request.url).pathname, request.headers.get('range'), currentStore()),
  );
}
