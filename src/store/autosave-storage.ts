/** Where and how the autosave is kept in browser storage: keys, opening storage, naming its errors. */

/** Where the autosave lives in localStorage. Corrupt or replaced text is kept under backup keys (autosave-backups.ts). */
export const AUTOSAVE_KEY = 'cm-port-planner/autosave';
/** The last autosave that loaded cleanly: where a corrupt autosave starts from. */
export const LAST_GOOD_KEY = 'cm-port-planner/autosave-last-good';
/** The original of an autosave from an older version, kept until the migrated one is saved. */
export const migratedBackupKey = (version: number) => `cm-port-planner/autosave-v${version}-backup`;

export const OFF_HINT = 'Edits stay in this tab only; download a copy to keep them.';

/** localStorage when the browser allows it; the reason otherwise (SecurityError in some privacy modes). */
export function openStorage(win: Pick<Window, 'localStorage'>): { storage?: Storage; error?: string } {
  try {
    const storage = win.localStorage;
    storage.getItem(AUTOSAVE_KEY);
    return { storage };
  } catch (error) {
    return { error: describeStorageError(error) };
  }
}

export function describeStorageError(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return 'Browser storage is full, so autosave is off.';
  if (name === 'SecurityError')
    return 'The browser does not allow this page to use storage, so autosave is off.';
  return `Autosave failed (${error instanceof Error ? error.message : String(error)}), so it is off.`;
}

/** Writes one item; false when storage refused (full, locked). */
export function tryWrite(storage: Storage, key: string, text: string): boolean {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
