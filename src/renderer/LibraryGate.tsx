// Before anything of the library shows: a new library is set up (encrypted, recommended, or
// plain), an encrypted one is unlocked. Locking — by the button or after idle minutes — saves
// what is typed first, then drops the key on the main side and returns here.
import { forgetPeaks } from './views/interview/useRecordingPeaks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from './i18n/useTranslation';
import type { Settings } from '../shared/settings';
import { App } from './App';
import { call } from './api';
import { switchLanguage } from './i18n';
import { flushAll } from './save-before-lock';
import { SetupScreen } from './views/SetupScreen';
import { UnlockScreen } from './views/UnlockScreen';

type GateState = { kind: 'loading' } | { kind: 'new' } | { kind: 'locked' } | { kind: 'recovery'; recoveryKey: string } | { kind: 'open'; settings: Settings; encrypted: boolean };

/** Where the library stands: set up, locked, or open with its settings. */
async function loadGateState(): Promise<GateState> {
  const status = await call('library.status', {});
  if (status.state !== 'open') return { kind: status.state };
  const settings = await call('settings.get', {});
  await switchLanguage(settings.interfaceLanguage);
  return { kind: 'open', settings, encrypted: status.encrypted };
}

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'input'] as const;

export function LibraryGate() {
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ kind: 'loading' });

  const refresh = useCallback(() => void loadGateState().then(setState), []);

  useEffect(() => {
    void loadGateState().then(setState);
  }, []);

  const lock = useCallback(async () => {
    await flushAll(); // nothing typed is lost: it is saved, encrypted, before the key goes
    await call('library.lock', {});
    forgetPeaks();
    setState({ kind: 'locked' });
  }, []);

  // Idle lock: any key, click, wheel or input restarts the count.
  const idleMinutes = state.kind === 'open' && state.encrypted ? state.settings.idleLockMinutes : 0;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!idleMinutes) return;
    const restart = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void lock(), idleMinutes * 60_000);
    };
    restart();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, true);
    return () => {
      if (timer.current) clearTimeout(timer.current);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, true);
    };
  }, [idleMinutes, lock]);

  switch (state.kind) {
    case 'loading':
      return <p className="pad muted">{t('gate.loading')}</p>;
    case 'new':
      return <SetupScreen onCreated={(recoveryKey) => (recoveryKey ? setState({ kind: 'recovery', recoveryKey }) : refresh())} />;
    case 'recovery':
      return <SetupScreen recoveryKey={state.recoveryKey} onCreated={() => refresh()} />;
    case 'locked':
      return <UnlockScreen onUnlocked={() => refresh()} />;
    case 'open':
      return <App initialSettings={state.settings} encrypted={state.encrypted} onLock={() => void lock()} onLibraryChanged={() => refresh()} />;
  }
}
