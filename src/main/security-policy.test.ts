import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  decideWindowOpen,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isLoopbackOrigin,
  isTrustedSenderUrl,
  originOf,
  secureWebPreferences,
  shouldGrantPermission,
  SPELLCHECK_DICTIONARY_URL,
} from './security-policy';

const appOrigin = originOf(APP_ENTRY_URL)!;

describe('security policy', () => {
  it('cancels every request that is not the app’s own', () => {
    for (const url of ['app://renderer/assets/x.js', 'media://recordings/abc/x.ogg', 'data:image/png;base64,AA', 'blob:app://renderer/1']) {
      expect(isAllowedRequestUrl(url), url).toBe(true);
    }
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'wss://example.org/socket',
      'file:///etc/passwd',
      'ftp://example.org/',
      'not a url',
    ]) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('lets the dev server through only when it is on loopback', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isAllowedRequestUrl('http://evil.example/x', 'http://evil.example')).toBe(false);
    expect(isLoopbackOrigin('http://127.0.0.1:5173')).toBe(true);
    expect(isLoopbackOrigin('https://localhost.example.com')).toBe(false);
  });

  it('knows the origin of the app’s own scheme as Chromium does', () => {
    expect(originOf('app://renderer/index.html')).toBe('app://renderer');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('nonsense')).toBeNull();
  });

  it('denies navigation away from the app', () => {
    expect(isAllowedNavigation('app://renderer/index.html', appOrigin)).toBe(true);
    expect(isAllowedNavigation('https://example.org/', appOrigin)).toBe(false);
    expect(isAllowedNavigation('file:///tmp/x.html', appOrigin)).toBe(false);
    expect(isAllowedNavigation('app://other/index.html', appOrigin)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', appOrigin)).toBe(false);
  });

  it('trusts IPC only from frames showing the app', () => {
    expect(isTrustedSenderUrl('app://renderer/index.html', appOrigin)).toBe(true);
    expect(isTrustedSenderUrl('https://example.org/', appOrigin)).toBe(false);
    expect(isTrustedSenderUrl('about:blank', appOrigin)).toBe(false);
    expect(isTrustedSenderUrl(undefined, appOrigin)).toBe(false);
  });

  it('denies permissions, new windows and remote dictionaries', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'midi', 'hid', 'serial', 'display-capture']) {
      expect(shouldGrantPermission(permission), permission).toBe(false);
    }
    expect(shouldGrantPermission('clipboard-sanitized-write')).toBe(true);
    expect(decideWindowOpen()).toEqual({ action: 'deny' });
    expect(SPELLCHECK_DICTIONARY_URL.startsWith('app://')).toBe(true);
  });

  it('gives every window a sandboxed, isolated renderer without Node or webviews', () => {
    expect(secureWebPreferences('/p/preload.js')).toMatchObject({
      preload: '/p/preload.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});
