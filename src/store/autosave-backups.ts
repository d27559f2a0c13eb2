/**
 * Copies of the user's work that the autosave could not use or would otherwise overwrite: an
 * unreadable or repaired autosave, the text at a boot that failed, this tab's edits when another tab
 * won the race, the other tab's copy before "Keep this tab's copy". Each is kept in browser storage
 * under a key named by its kind and a hash of its text, so a reload without edits finds the copy
 * already there instead of piling up another; when storage refuses, the copy is held in memory so
 * it can still be downloaded. The shelf lists them for the banner (download, delete).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { message } from '@/domain/message';
import { stableHash } from '@/domain/stable-hash';
import type { Text } from './ui-types';

/** What a kept copy is (its title in the reader's language), and how its key starts. */
export const BACKUP_KINDS = {
  unreadable: {
    prefix: 'cm-port-planner/autosave-corrupt-',
    title: message('store:autosave.kept.unreadable'),
  },
  repaired: {
    prefix: 'cm-port-planner/autosave-before-repair-',
    title: message('store:autosave.kept.repaired'),
  },
  boot: {
    prefix: 'cm-port-planner/autosave-at-failed-start-',
    title: message('store:autosave.kept.boot'),
  },
  tab: { prefix: 'cm-port-planner/autosave-this-tab-', title: message('store:autosave.kept.tab') },
  other: {
    prefix: 'cm-port-planner/autosave-other-tab-',
    title: message('store:autosave.kept.other'),
  },
  upgrade: { prefix: 'cm-port-planner/autosave-v', title: message('store:autosave.kept.upgrade') },
} as const;

export type BackupKind = keyof typeof BACKUP_KINDS;

/** One kept copy as the banner lists it. `key` is undefined when storage refused it (memory only). */
export interface BackupEntry {
  readonly id: string;
  readonly key?: string;
  readonly kind: BackupKind;
  /** What the copy is, in the reader's language (a plain string would show as it is). */
  readonly title: Text;
  readonly chars: number;
}

/**
 * A short hash of a text (cyrb53: 53 bits, as hex). Two different texts under one key would need a
 * collision in 2^53, far beyond the handful of copies a browser keeps.
 */
export const hashText = stableHash;

/** The key a copy of `text` of this kind is kept under: the same text, the same key. */
export function backupKey(kind: Exclude<BackupKind, 'upgrade'>, text: string): string {
  return `${BACKUP_KINDS[kind].prefix}${hashText(text)}`;
}

function kindOf(key: string): BackupKind | undefined {
  for (const [kind, { prefix }] of Object.entries(BACKUP_KINDS) as [BackupKind, { prefix: string }][]) {
    if (!key.startsWith(prefix)) continue;
    if (kind === 'upgrade' && !/^cm-port-planner\/autosave-v\d+-backup$/.test(key)) continue;
    return kind;
  }
  return undefined;
}

/** Every kept copy in `storage`, in key order; [] when storage cannot be read. */
export function listBackups(storage: Storage): BackupEntry[] {
  const entries: BackupEntry[] = [];
  try {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      const kind = key === null ? undefined : kindOf(key);
      if (key === null || kind === undefined) continue;
      entries.push({
        id: key,
        key,
        kind,
        title: BACKUP_KINDS[kind].title,
        chars: storage.getItem(key)?.length ?? 0,
      });
    }
  } catch {
    return entries;
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

export interface BackupShelfState {
  readonly entries: readonly BackupEntry[];
}

/** The kept copies and what can be done with them; a vanilla store the banner subscribes to. */
export interface BackupShelf extends StoreApi<BackupShelfState> {
  /**
   * Keeps `text` as a copy of this kind: under its content key (a copy already there is reused),
   * or, when `key` is given, under that key (one per tab, rewritten as the tab edits). Returns the
   * key, or undefined when storage refused it (then it is held in memory for download).
   */
  keep(kind: Exclude<BackupKind, 'upgrade'>, text: string, key?: string): string | undefined;
  /** The text of a kept copy, from storage or memory. */
  textOf(id: string): string | undefined;
  remove(id: string): void;
  /** Reads the list again (another tab may have added or removed copies). */
  refresh(): void;
}

/**
 * Creates the shelf over `storage` (undefined: memory only).
 *
 * @param storage - localStorage, or undefined when the browser refuses it
 * @returns the shelf, listing the copies already in storage
 */
export function createBackupShelf(storage: Storage | undefined): BackupShelf {
  const memory = new Map<string, { kind: BackupKind; text: string }>();
  const read = (): BackupEntry[] => [
    ...(storage ? listBackups(storage) : []),
    ...[...memory].map(([id, { kind, text }]) => ({
      id,
      kind,
      title: BACKUP_KINDS[kind].title,
      chars: text.length,
    })),
  ];
  const store = createStore<BackupShelfState>(() => ({ entries: read() }));
  const refresh = () => store.setState({ entries: read() });
  return Object.assign(store, {
    keep(kind: Exclude<BackupKind, 'upgrade'>, text: string, key = backupKey(kind, text)) {
      let kept = false;
      try {
        kept = storage?.getItem(key) === text;
        if (!kept && storage) {
          storage.setItem(key, text);
          kept = true;
        }
      } catch {
        kept = false;
      }
      if (kept) memory.delete(`memory:${key}`);
      else memory.set(`memory:${key}`, { kind, text });
      refresh();
      return kept ? key : undefined;
    },
    textOf(id: string) {
      const held = memory.get(id);
      if (held) return held.text;
      try {
        return storage?.getItem(id) ?? undefined;
      } catch {
        return undefined;
      }
    },
    remove(id: string) {
      memory.delete(id);
      try {
        storage?.removeItem(id);
      } catch {
        // Nothing else to do: the list shows what is still there.
      }
      refresh();
    },
    refresh,
  });
}
