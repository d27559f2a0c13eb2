import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The choices: follow the system's setting, or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** Where the choice is remembered (per browser, like the autosave). */
export const THEME_KEY = 'cm-port-planner/theme';

/** The choices in menu order. */
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const isChoice = (value: unknown): value is ThemeChoice =>
  value === 'system' || value === 'light' || value === 'dark';

/** The remembered choice; `system` when none was made or storage is unavailable. */
export function storedTheme(win: Window): ThemeChoice {
  try {
    const value = win.localStorage.getItem(THEME_KEY);
    return isChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
/** Follows the system's setting while the choice is `system`; removed when a theme is picked. */
let followSystem: (() => void) | undefined;

/**
 * Sets the theme on the root element, where the tokens read it (`data-theme="light"|"dark"`,
 * tokens-dark.css). `system` is resolved here from `prefers-color-scheme` and followed while it
 * changes, so the dark palette is written once in CSS. main.tsx calls this before the first render,
 * so a dark choice never flashes light (the CSP forbids an inline script in index.html).
 */
export function applyTheme(doc: Document, choice: ThemeChoice): void {
  const media = doc.defaultView?.matchMedia?.(DARK_QUERY);
  if (followSystem) media?.removeEventListener('change', followSystem);
  followSystem = undefined;
  const root = doc.documentElement;
  if (choice !== 'system') {
    root.dataset.theme = choice;
    return;
  }
  followSystem = () => {
    root.dataset.theme = media?.matches ? 'dark' : 'light';
  };
  followSystem();
  media?.addEventListener('change', followSystem);
}

/** Light, dark or the system's setting, applied at once and remembered in this browser. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(() => storedTheme(window));
  const { t } = useTranslation('toolbar');
  const choose = (next: ThemeChoice) => {
    setChoice(next);
    applyTheme(document, next);
    try {
      if (next === 'system') window.localStorage.removeItem(THEME_KEY);
      else window.localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage refused: the choice holds for this page only.
    }
  };
  return (
    // No visible caption: the toolbar is tight at 1366 px and the choices name themselves.
    <label className="theme-toggle" title={t('theme.title')}>
      <select
        aria-label={t('theme.label')}
        value={choice}
        onChange={(e) => {
          if (isChoice(e.target.value)) choose(e.target.value);
        }}
      >
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {t(`theme.${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
