/** Where and how the autosave is kept in browser storage: keys, opening storage, naming its errors. */

import type { DocumentContent } from '@/domain/document';
import { type Message, message } from '@/domain/message';

/** Where the autosave lives in localStorage. Corrupt or replaced text is kept under backup keys (autosave-backups.ts). */
export const AUTOSAVE_KEY = 'cm-port-planner/autosave';
/** The last autosave that loaded cleanly: where a corrupt autosave starts from. */
export const LAST_GOOD_KEY = 'cm-port-planner/autosave-last-good';
/** The original of an autosave from an older version, kept until the migrated one is saved. */
export const migratedBackupKey = (version: number) => `cm-port-planner/autosave-v${version}-backup`;

/** The banner's words while autosave is off: why, and that edits stay in this tab until downloaded. */
export const offStatus = (reason: Message): Message =>
  message('store:autosave.status.off', { reason: { message: reason } });

/** The banner while the document is too large for browser storage (tooLargeToStore). */
export const TOO_LARGE = {
  mode: 'off',
  message: offStatus(message('store:autosave.storage.tooLarge')),
} as const;

/** Modes in which this tab's edits are not in the autosave: closing the tab asks first. */
export const UNSAVED_MODES: ReadonlySet<string> = new Set(['off', 'readonly', 'conflict']);

/** localStorage when the browser allows it; the reason otherwise (SecurityError in some privacy modes). */
export function openStorage(win: Pick<Window, 'localStorage'>): { storage?: Storage; error?: Message } {
  try {
    const storage = win.localStorage;
    storage.getItem(AUTOSAVE_KEY);
    return { storage };
  } catch (error) {
    return { error: describeStorageError(error) };
  }
}

/** Whether storage refused for lack of room (Firefox's older name included). */
export function quotaExceeded(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Why storage refused, in the reader's language; an unforeseen error keeps the browser's own text. */
export function describeStorageError(error: unknown): Message {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (quotaExceeded(error)) return message('store:autosave.storage.full');
  if (name === 'SecurityError') return message('store:autosave.storage.denied');
  return message('store:autosave.storage.failed', {
    reason: error instanceof Error ? error.message : String(error),
  });
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

/**
 * Remembers how large (hosts, links and zones) the document was that storage last refused as
 * full: a document at least that large would be refused too, so autosave does not serialise it
 * on every edit to find out.
 */
export function fullStorage() {
  let refusedAt: number | undefined;
  const weight = (doc: DocumentContent) => doc.hosts.length + doc.links.length + doc.zones.length;
  return {
    refused(error: unknown, doc: DocumentContent) {
      const name = error instanceof Error || error instanceof DOMException ? error.name : '';
      refusedAt = name === 'QuotaExceededError' ? weight(doc) : undefined;
    },
    /** Whether autosave is off as storage refused a document no larger than `state` (so it would refuse it). */
    holds: (state: DocumentContent & { readonly autosave: { readonly mode: string } }) =>
      state.autosave.mode === 'off' && refusedAt !== undefined && weight(state) >= refusedAt,
    forget() {
      refusedAt = undefined;
    },
  };
}

/**
 * More characters than any browser keeps in localStorage for one page (Chrome, Firefox and Safari
 * hold about 5 million); twice that, so no document that might fit is left unsaved.
 */
export const STORAGE_MAX_CHARS = 10 * 1024 * 1024;

/**
 * The fewest characters one host or one link takes in the saved text: a host's id, name and roles,
 * a link's id and both ends, each on its line as saved (tests/store/autosave-size.test.ts holds it
 * to that: the shortest link's line is 43 characters).
 */
export const MIN_CHARS_PER_ITEM = 40;

/**
 * Whether the document's saved text is surely longer than browser storage holds (a 100,000-host
 * estate: over 30 million characters), so autosave need not spend seconds serialising it to learn
 * that storage refuses it. Counts only: it costs nothing per edit.
 */
export const tooLargeToStore = (
  doc: Pick<DocumentContent, 'hosts' | 'links'>,
  maxChars = STORAGE_MAX_CHARS,
): boolean => (doc.hosts.length + doc.links.length) * MIN_CHARS_PER_ITEM > maxChars;

/** Where a tab's unsaved edits were kept: under a key, or nowhere (storage refused). */
export type TabCopy = { readonly key: string | undefined };

/** Where the tab's edits went, for a notice (in the reader's language). */
export const keptNotice = (kept: TabCopy): Message =>
  kept.key === undefined
    ? message('store:autosave.tabNotKept')
    : message('store:autosave.tabKeptUnder', { key: kept.key });

/** The banner's words while paused: one sentence set per case, so each language words it whole. */
export const conflictMessage = (kept?: TabCopy): Message =>
  kept === undefined
    ? message('store:autosave.status.conflict')
    : kept.key === undefined
      ? message('store:autosave.status.conflictNotKept')
      : message('store:autosave.status.conflictKept', { key: kept.key });
