import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryGate } from './LibraryGate';
import { startI18n } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  // Settings live in the (possibly encrypted) library: until it opens, the system's language.
  await startI18n(navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LibraryGate />
    </StrictMode>,
  );
}

void boot();
