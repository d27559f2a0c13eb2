import type { Message } from '@/domain/message';

/** UI-only state: never saved, exported or recorded in the undo history (ARCHITECTURE example 5). */

/**
 * Text for the user: a catalogue message (`useWords().say` puts it into words), or text the user
 * gave (a file name, an error from the browser). New notices use messages.
 */
export type Text = Message | string;

export type NoticeTone = 'info' | 'success' | 'warning' | 'error';

/** A message for the user: a toast that fades, or one that stays until dismissed. */
export interface Notice {
  readonly id: number;
  readonly tone: NoticeTone;
  readonly title: Text;
  /** Details listed under the title (restore problems, for instance). */
  readonly details?: readonly Text[];
  /** Stays until dismissed; errors and reports with details always stay. */
  readonly sticky?: boolean;
}

export type NoticeInput = Omit<Notice, 'id'>;

/** A question asked before something is lost. */
export interface ConfirmRequest {
  readonly title: Text;
  readonly message: Text;
  readonly confirmLabel: Text;
  readonly onConfirm: () => void;
  readonly onCancel?: () => void;
}

/**
 * Where the autosave stands. `off`: storage refused a write or is unavailable (edits stay in memory);
 * `readonly`: the stored diagram is from a newer release and is never overwritten; `conflict`:
 * another tab saved since this tab did; `disabled`: no storage was given (tests, embedded use).
 */
export type AutosaveMode = 'on' | 'off' | 'readonly' | 'conflict' | 'disabled';

export interface AutosaveStatus {
  readonly mode: AutosaveMode;
  /** Why autosave is not on: a message in the reader's language. */
  readonly message?: Text;
  /** Time of the last successful save (ms since epoch). */
  readonly savedAt?: number;
}

/** What the autosave controller lets the banner do. */
export interface AutosaveCommands {
  /** Take the other tab's copy. */
  readonly reload: () => void;
  /** Keep this tab's copy and save it over the other tab's. */
  readonly keep: () => void;
  /** Try to write again (after storage was full). */
  readonly retry: () => void;
}

export type SidePanel = 'inspector' | 'settings' | 'problems';
export type MatrixSize = 'collapsed' | 'normal' | 'large';

/**
 * The flow matrix's overall filter text, kept in the store (not the table) so the canvas can
 * highlight the hosts and links of the rows it matches (issue 12).
 */
export interface MatrixFilterUi {
  /** '' while the matrix shows every row. */
  readonly matrixFilter: string;
  setMatrixFilter(text: string): void;
}
