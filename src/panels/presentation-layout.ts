import { useCallback, useState } from 'react';

/** The side columns the user can fold away so the canvas gets the room. */
export type FoldablePanel = 'roles' | 'side';

export type OpenPanels = Readonly<Record<FoldablePanel, boolean>>;

/** Where the choice is remembered (per browser, like the theme). */
export const PANELS_KEY = 'cm-port-planner/panels';

const ALL_OPEN: OpenPanels = { roles: true, side: true };

/** The remembered open panels; both open when nothing was stored, it is unreadable, or storage is unavailable. */
export function storedPanels(win: Window): OpenPanels {
  try {
    const value: unknown = JSON.parse(win.localStorage.getItem(PANELS_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return ALL_OPEN;
    const { roles, side } = value as Record<string, unknown>;
    return { roles: roles !== false, side: side !== false };
  } catch {
    return ALL_OPEN;
  }
}

/**
 * A laptop's window (1366×768 and the like): too short for the canvas and a raised matrix at once,
 * so the matrix starts as its bar. Without `matchMedia` (tests in jsdom) the window counts as tall.
 */
export function isShortWindow(win: Window): boolean {
  return win.matchMedia?.('(max-height: 900px)').matches ?? false;
}

/** Which side columns are open, remembered in this browser; `open` unfolds one (a tab asked for it). */
export function useOpenPanels(): {
  readonly panels: OpenPanels;
  readonly toggle: (panel: FoldablePanel) => void;
  readonly open: (panel: FoldablePanel) => void;
} {
  const [panels, setPanels] = useState<OpenPanels>(() => storedPanels(window));
  const change = useCallback((panel: FoldablePanel, to: (was: boolean) => boolean) => {
    setPanels((was) => {
      if (to(was[panel]) === was[panel]) return was;
      const next = { ...was, [panel]: to(was[panel]) };
      try {
        window.localStorage.setItem(PANELS_KEY, JSON.stringify(next));
      } catch {
        // Storage refused: the choice holds for this page only.
      }
      return next;
    });
  }, []);
  const toggle = useCallback((panel: FoldablePanel) => change(panel, (was) => !was), [change]);
  const open = useCallback((panel: FoldablePanel) => change(panel, () => true), [change]);
  return { panels, toggle, open };
}
