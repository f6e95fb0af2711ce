import { useEffect, useState } from 'react';
import { useTranslation } from './i18n/useTranslation';
import type { AppInfo } from '../shared/contract';
import type { Settings } from '../shared/settings';
import { call } from './api';
import { switchLanguage } from './i18n';
import { InterviewView } from './views/InterviewView';
import { LibraryView } from './views/LibraryView';
import { SettingsView } from './views/SettingsView';

type Route = { view: 'library' } | { view: 'interview'; id: string } | { view: 'settings' };

type Props = { initialSettings: Settings; encrypted: boolean; onLock: () => void; onLibraryChanged: () => void };

export function App({ initialSettings, encrypted, onLock, onLibraryChanged }: Props) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>({ view: 'library' });
  const [settings, setSettings] = useState(initialSettings);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void call('app.info', {}).then(setInfo);
  }, []);

  const changeSettings = async (patch: Partial<Settings>) => {
    const next = await call('settings.update', patch);
    if (patch.interfaceLanguage) await switchLanguage(patch.interfaceLanguage);
    setSettings(next);
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav className="topnav" aria-label="Main">
          <button
            className={route.view !== 'settings' ? 'navlink active' : 'navlink'}
            onClick={() => setRoute({ view: 'library' })}
          >
            {t('app.nav.library')}
          </button>
          <button
            className={route.view === 'settings' ? 'navlink active' : 'navlink'}
            onClick={() => setRoute({ view: 'settings' })}
          >
            {t('app.nav.settings')}
          </button>
        </nav>
        {encrypted && (
          <button type="button" className="navlink lock-button" onClick={onLock} title={t('gate.lockHint')}>
            🔒 {t('gate.lock')}
          </button>
        )}
        <span className="offline-badge" title={t('app.offline')}>
          ● {t('app.offline')}
        </span>
      </header>
      {info?.libraryProblem && (
        <div className="banner banner-error" role="alert">
          <strong>{t('app.libraryProblem')}:</strong> {info.libraryProblem}
        </div>
      )}
      {info?.keyringNotice && (
        <div className="banner banner-info" role="status" data-testid="keyring-notice">
          {info.keyringNotice}
        </div>
      )}
      {info?.readOnly && (
        <div className="banner banner-info" role="status" data-testid="read-only-banner">
          <strong>{t('app.readOnly')}:</strong> {t('app.readOnlyHint')}
        </div>
      )}
      <main className="content">
        {route.view === 'library' && <LibraryView onOpen={(id) => setRoute({ view: 'interview', id })} />}
        {route.view === 'interview' && info && (
          <InterviewView id={route.id} mediaBaseUrl={info.mediaBaseUrl} settings={settings} onBack={() => setRoute({ view: 'library' })} />
        )}
        {route.view === 'settings' && <SettingsView settings={settings} info={info} encrypted={encrypted} onChange={changeSettings} onEncrypted={onLibraryChanged} />}
      </main>
    </div>
  );
}
