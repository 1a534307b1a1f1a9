import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n/I18n.tsx';
import { App } from './shell/App.tsx';
import { openCollapsedWhilePrinting } from './shell/printing.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);

openCollapsedWhilePrinting();
