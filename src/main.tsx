import '@xyflow/react/dist/style.css';
// Tokens first; the rest in the order of the one stylesheet they came from (equal selectors: later wins).
import '@/styles/tokens.css';
import '@/styles/tokens-dark.css';
import '@/styles/base.css';
import '@/styles/layout.css';
import '@/styles/toolbar.css';
import '@/styles/notices.css';
import '@/styles/controls.css';
import '@/styles/badges.css';
import '@/styles/palette.css';
import '@/styles/panels.css';
import '@/styles/problems.css';
import '@/styles/canvas.css';
import '@/styles/canvas-tools.css';
import '@/styles/context-menu.css';
import '@/styles/edges.css';
import '@/styles/zones.css';
import '@/styles/presence.css';
import '@/styles/table.css';
// Before anything that builds a zod schema: see zod-jitless.ts.
import '@/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app';
import { createEmptyDocument, serializeDocument } from '@/domain/restore';
import { appI18n, setAppLanguage } from '@/i18n/app-i18n';
import { startLanguage } from '@/i18n/languages';
import { AppErrorBoundary, BootError } from '@/panels/boot-error';
import { applyTheme, storedTheme } from '@/panels/theme-toggle';
import { toDocument } from '@/store/app-store';
import { storedAutosaveText } from '@/store/autosave-read';
import { AUTOSAVE_KEY, openStorage } from '@/store/autosave-storage';
import { bootStore } from '@/store/boot';
import { parseWorkers } from '@/store/parse-protocol';
import { startTabLink } from '@/store/tab-link';
import { untitledName } from '@/store/templates';

// The remembered theme before the first render, so a dark choice never paints light first.
applyTheme(document, storedTheme(window));
// The remembered language, else the browser's (a German browser's first visit is German). German
// loads on first use: a German reader's first paint waits for it, so no English words flash first.
const language = startLanguage(window);
const wordsReady = setAppLanguage(language, window, { remember: false });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { storage } = openStorage(window);
if (appI18n.hasResourceBundle(language, 'common')) start(root);
// German is on its way: the app starts once it is here (or in English, i18next's fallback, if it
// cannot be loaded).
else
  void wordsReady.then(
    () => start(root),
    () => start(root),
  );

function start(root: HTMLElement) {
  try {
    // bootStore never throws on stored data (it starts empty and keeps the text); this guards the rest.
    const { store, shelf } = bootStore(window);
    // The app's other tabs in this browser edit the same diagram with this one (merged, not rivals).
    if (navigator.locks && typeof BroadcastChannel === 'function') {
      startTabLink(store, {
        locks: navigator.locks,
        name: AUTOSAVE_KEY,
        catalogueOf: (document) => store.getState().catalogueOf(document.settings.edition),
      });
    }
    createRoot(root).render(
      <StrictMode>
        <AppErrorBoundary
          shelf={shelf}
          {...(storage ? { storage } : {})}
          currentText={() => serializeDocument(toDocument(store.getState()))}
          onStartEmpty={() =>
            store.getState().replaceDocument(createEmptyDocument(store.getState().catalogue, untitledName()))
          }
        >
          <App store={store} shelf={shelf} />
        </AppErrorBoundary>
      </StrictMode>,
    );
    // A file opened later need not wait for the reading worker to load.
    parseWorkers.warmLater();
  } catch (error) {
    // Empty when the error has no name and message: BootError says "an unknown error" in the reader's language.
    createRoot(root).render(
      <BootError
        error={error instanceof Error ? `${error.name}: ${error.message}` : ''}
        stored={() => storedAutosaveText(storage) ?? undefined}
      />,
    );
  }
}
