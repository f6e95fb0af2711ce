import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { call } from './api';
import { startI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  const settings = await call('settings.get', {});
  await startI18n(settings.interfaceLanguage);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initialSettings={settings} />
    </StrictMode>,
  );
}

void boot();
