/** Reading the autosave at start-up: every way the stored text can be wrong, and what is kept. */

import type { Catalogue } from '@/domain/catalogue-types';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type TopologyDocument } from '@/domain/document';
import { type Message, message } from '@/domain/message';
import { readDocumentText } from '@/domain/restore';
import { type BackupShelf, createBackupShelf } from './autosave-backups';
import { keepLastGood, readAutosave, type StoredAutosave } from './autosave-read';
import {
  describeStorageError,
  LAST_GOOD_KEY,
  migratedBackupKey,
  offStatus,
  tryWrite,
} from './autosave-storage';
import type { AutosaveStatus, NoticeInput } from './ui-types';

export interface LoadedAutosave {
  readonly document: TopologyDocument;
  readonly notices: readonly NoticeInput[];
  readonly status: AutosaveStatus;
  /** A migration backup to remove once the migrated document has been saved. */
  readonly pendingBackupKey?: string;
}

function newerVersionOf(text: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { format, version } = parsed as { format?: unknown; version?: unknown };
    return format === DOCUMENT_FORMAT && typeof version === 'number' && version > DOCUMENT_VERSION
      ? version
      : undefined;
  } catch {
    return undefined;
  }
}

/** Whole keys (not built from `what`), so the catalogue test finds each one. */
const NOT_BACKED_UP = {
  unreadable: message('store:autosave.status.notBackedUpUnreadable'),
  older: message('store:autosave.status.notBackedUpOlder'),
  repaired: message('store:autosave.status.notBackedUpRepaired'),
} as const;

/**
 * Autosave stays read-only when the original could not be copied aside: saving would overwrite
 * it ('off' would retry on the next edit).
 */
const notBackedUp = (what: 'unreadable' | 'older' | 'repaired'): AutosaveStatus => ({
  mode: 'readonly',
  message: NOT_BACKED_UP[what],
});

/**
 * Reads the autosave at start-up. Never throws and never loses text: a corrupt autosave is kept
 * under a backup key and the app starts from the last good copy or the sample; a repaired or
 * migrated one keeps its original; a newer version is left alone and autosave turns read-only.
 * Copies are keyed by a hash of their text (see autosave-backups.ts), so reloading the same
 * unreadable autosave finds its copy instead of adding one; when no copy can be made, autosave
 * stays off, so the original is never overwritten.
 */
export function loadAutosave(
  storage: Storage | undefined,
  catalogue: Catalogue,
  sample: TopologyDocument,
  storageError?: Message,
  shelf: BackupShelf = createBackupShelf(storage),
): LoadedAutosave {
  if (!storage) {
    return {
      document: sample,
      notices: [],
      status: { mode: 'off', message: offStatus(storageError ?? message('store:autosave.storage.none')) },
    };
  }
  let stored: StoredAutosave;
  try {
    stored = readAutosave(storage);
  } catch (error) {
    return {
      document: sample,
      notices: [],
      status: { mode: 'off', message: offStatus(describeStorageError(error)) },
    };
  }
  // Parts that do not make a text: as unreadable as a broken text, their list kept as the copy.
  const text = stored.ok ? stored.text : stored.stored;
  if (text === null) {
    return {
      document: sample,
      notices: [
        {
          tone: 'info',
          title: message('store:autosave.welcome', { name: sample.name }),
        },
      ],
      status: { mode: 'on' },
    };
  }
  const newer = stored.ok ? newerVersionOf(text) : undefined;
  if (newer !== undefined) {
    return {
      document: sample,
      notices: [],
      status: {
        mode: 'readonly',
        message: message('store:autosave.status.newer', { version: newer, supported: DOCUMENT_VERSION }),
      },
    };
  }
  const result = stored.ok ? readDocumentText(text, catalogue) : stored;
  if (!result.ok) {
    const key = shelf.keep('unreadable', text);
    const kept = key !== undefined;
    let lastGood: TopologyDocument | undefined;
    try {
      const backup = readAutosave(storage, LAST_GOOD_KEY);
      const restored =
        backup.ok && backup.text !== null ? readDocumentText(backup.text, catalogue) : undefined;
      if (restored?.ok) lastGood = restored.document;
    } catch {
      lastGood = undefined;
    }
    const notice: NoticeInput = {
      tone: 'warning',
      title: lastGood
        ? message('store:autosave.unreadableFromBackup')
        : message('store:autosave.unreadableFromExample', { name: sample.name }),
      details: [
        result.error,
        key !== undefined
          ? message('store:autosave.unreadableKept', { key })
          : message('store:autosave.unreadableNotKept'),
      ],
      sticky: true,
    };
    return {
      document: lastGood ?? sample,
      notices: [notice],
      status: kept ? { mode: 'on' } : notBackedUp('unreadable'),
    };
  }
  // A repaired autosave keeps its original for good (below), an upgraded one until it is saved.
  if (result.migratedFrom !== undefined && result.problems.length === 0) {
    const key = migratedBackupKey(result.migratedFrom);
    const kept = tryWrite(storage, key, text);
    shelf.refresh();
    return {
      document: result.document,
      notices: [
        {
          tone: 'info',
          title: message('store:autosave.upgraded', { from: result.migratedFrom, to: DOCUMENT_VERSION }),
          details: [message('store:autosave.upgradedKept', { key }), ...result.problems],
          sticky: result.problems.length > 0,
        },
      ],
      status: kept ? { mode: 'on' } : notBackedUp('older'),
      pendingBackupKey: key,
    };
  }
  if (result.problems.length > 0) {
    const key = shelf.keep('repaired', text);
    return {
      document: result.document,
      notices: [
        {
          tone: 'warning',
          title: message('store:autosave.repaired', { count: result.problems.length }),
          details: [
            ...(result.migratedFrom === undefined
              ? []
              : [message('store:autosave.wasUpgraded', { from: result.migratedFrom, to: DOCUMENT_VERSION })]),
            ...result.problems,
            key ? message('store:autosave.originalKept', { key }) : message('store:autosave.originalNotKept'),
          ],
          sticky: true,
        },
      ],
      status: key ? { mode: 'on' } : notBackedUp('repaired'),
    };
  }
  keepLastGood(storage);
  return { document: result.document, notices: [], status: { mode: 'on' } };
}
