/** What the running autosave (autosave.ts) is given and gives back. */

import type { BackupShelf } from './autosave-backups';
import type { AutosaveWriter } from './autosave-parts';

export interface AutosaveTarget {
  addEventListener: Window['addEventListener'];
  removeEventListener: Window['removeEventListener'];
  readonly document?: { readonly visibilityState: DocumentVisibilityState };
}

export interface AutosaveOptions {
  readonly storage: Storage | undefined;
  readonly target: AutosaveTarget;
  readonly delayMs?: number;
  readonly pendingBackupKey?: string;
  readonly now?: () => number;
  /** Where copies go (this tab's edits after losing the race, the other tab's before Keep). */
  readonly shelf?: BackupShelf;
  /** The most characters browser storage may hold (STORAGE_MAX_CHARS unless given: tests). */
  readonly storageMaxChars?: number;
  /** Writes the autosave, whole or in parts (autosave-parts.ts; tests give smaller parts). */
  readonly writer?: AutosaveWriter;
  /** Names this tab's backup key; random unless given (tests). */
  readonly tabId?: string;
}

export interface AutosaveController {
  /** Saves a pending change now (pagehide does this). */
  flush(): void;
  stop(): void;
}
