/**
 * The autosave of a large diagram in parts. Chromium's localStorage takes about 25 ms per MB to set
 * one item, whatever changed in it, so a 10,000-host estate (4 million characters) made a task of
 * 100 ms or more after every edit. Above {@link PARTS_FROM_CHARS} the text is kept in parts of a few
 * hundred entries, each under a key named by its content (document-writer.ts), with a short list of
 * the parts under the autosave's own key. A save stores only the parts not stored yet, then the list,
 * then removes the parts no list names: an edit stores one to three parts of about 20 kB.
 *
 * Nothing stored is changed in place, so until the new list is written the old one and all its
 * parts are still there: a tab closed halfway keeps the previous autosave. Only when the new parts
 * do not fit beside the old ones are the old ones no longer needed removed first. The parts the
 * last good copy's list names (autosave-read.ts) are kept too, unless their room is needed.
 */

import type { TopologyDocument } from '@/domain/document';
import {
  createDocumentWriter,
  type DocumentPart,
  type DocumentParts,
  type DocumentWriter,
} from '@/domain/document-writer';
import { listedParts, PART_PREFIX, PARTS_FORMAT, type PartList } from './autosave-read';
import { AUTOSAVE_KEY, LAST_GOOD_KEY, quotaExceeded } from './autosave-storage';
import { sameDocument } from './document-state';

/** From this many characters on, the text is kept in parts (256 kB: a set of about 6 ms). */
export const PARTS_FROM_CHARS = 256 * 1024;

/** Saves a document as the autosave, whole or in parts; throws what storage throws. */
export interface AutosaveWriter {
  write(storage: Storage, document: TopologyDocument): void;
  /**
   * Does a few milliseconds of what a save of `document` will do, so the save itself is short: makes
   * the entries' lines (at 10,000 hosts, 100-150 ms after an open or a start), then stores the
   * parts not stored yet. It never writes the list or removes a part the list names: until the
   * save, the autosave is the previous one. Without `storage` it only makes the lines. Storage
   * refusing a part ends this; the save deals with it.
   *
   * @returns true once nothing is left to do before the save (at once without a document)
   */
  warm(storage: Storage | undefined, document: TopologyDocument | undefined): boolean;
}

export interface AutosaveWriterOptions {
  /** From this many characters on, parts (tests make it small). */
  readonly partsFromChars?: number;
  /** Entries per part on average, a power of two. */
  readonly perPart?: number;
}

/** Milliseconds of line making per task before a save (a long task is 50 ms). */
const WARM_SLICE_MS = 8;

/** The keys of all parts in storage (keys only: no part's text is read). */
function storedParts(storage: Storage): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key?.startsWith(PART_PREFIX)) keys.add(key);
  }
  return keys;
}

function removeAll(storage: Storage, keys: Iterable<string>): void {
  for (const key of keys) {
    try {
      storage.removeItem(key);
    } catch {
      // Left for the next save to remove.
    }
  }
}

/**
 * The autosave's writer for one tab: it keeps each entry's line (document-writer.ts), so make one
 * per autosave.
 */
export function createAutosaveWriter(options: AutosaveWriterOptions = {}): AutosaveWriter {
  const partsFrom = options.partsFromChars ?? PARTS_FROM_CHARS;
  let writer: DocumentWriter = createDocumentWriter();
  /** The parts `warm` goes through, for a document alike `document` (`toDocument` makes a new object each time), and the part it is at. */
  let ahead:
    | { document: TopologyDocument; made: DocumentParts; next: number; stored: Set<string> }
    | undefined;
  /** Parts `warm` stored since the last save: a save refused for good removes them with its own. */
  const early = new Set<string>();
  /** Stores `document` (see `write`), throwing what storage throws. */
  const save = (storage: Storage, document: TopologyDocument, warmed: typeof ahead) => {
    const fields = document as unknown as Readonly<Record<string, unknown>>;
    // The parts `warm` went through, when they are this document's.
    const { chars, parts } =
      warmed && sameDocument(warmed.document, document) ? warmed.made : writer.parts(fields, options.perPart);
    const stored = storedParts(storage);
    // The last good copy's parts stay, unless the room is needed (then the copy goes with them).
    const kept = listedParts(storage, LAST_GOOD_KEY);
    const makeRoom = (old: readonly string[]) => {
      removeAll(storage, old);
      if (old.some((key) => kept.has(key))) removeAll(storage, [LAST_GOOD_KEY]);
    };
    const sweep = (needed: ReadonlySet<string>) =>
      removeAll(
        storage,
        [...stored].filter((key) => !needed.has(key) && !kept.has(key)),
      );
    if (chars < partsFrom) {
      const text = writer.text(fields);
      try {
        storage.setItem(AUTOSAVE_KEY, text);
      } catch (error) {
        if (!quotaExceeded(error) || stored.size === 0) throw error;
        // The old parts take the room: they go first, as below.
        makeRoom([...stored]);
        storage.setItem(AUTOSAVE_KEY, text);
      }
      sweep(new Set());
      return;
    }
    const keys = parts.map((part) => `${PART_PREFIX}${part.id}`);
    const needed = new Set(keys);
    const list: PartList = { format: PARTS_FORMAT, version: 1, chars, parts: parts.map((p) => p.id) };
    const written: string[] = [];
    const store = () => {
      parts.forEach((part, i) => {
        const key = keys[i]!;
        if (stored.has(key)) return;
        storage.setItem(key, part.text());
        stored.add(key);
        written.push(key);
      });
      storage.setItem(AUTOSAVE_KEY, JSON.stringify(list));
    };
    try {
      store();
    } catch (error) {
      if (!quotaExceeded(error)) {
        removeAll(storage, written);
        throw error;
      }
      // The new parts do not fit beside the old: the old ones this save does not need go first.
      const old = [...stored].filter((key) => !needed.has(key));
      makeRoom(old);
      for (const key of old) stored.delete(key);
      try {
        store();
      } catch (again) {
        removeAll(storage, written);
        // Refused for good (autosave goes off): the lines kept for it would only hold memory.
        writer = createDocumentWriter();
        throw again;
      }
    }
    sweep(needed);
  };
  return {
    warm(storage, document) {
      if (!document) return true;
      const end = performance.now() + WARM_SLICE_MS;
      const more = () => performance.now() < end;
      const fields = document as unknown as Readonly<Record<string, unknown>>;
      if (!writer.warm(fields, more)) return false;
      if (!storage) return true;
      if (!ahead || !sameDocument(ahead.document, document))
        ahead = {
          document,
          made: writer.parts(fields, options.perPart),
          next: 0,
          stored: storedParts(storage),
        };
      const { made, stored } = ahead;
      const parts = made.chars < partsFrom ? [] : made.parts;
      while (ahead.next < parts.length) {
        if (!more()) return false;
        const part = parts[ahead.next] as DocumentPart;
        ahead.next += 1;
        const key = `${PART_PREFIX}${part.id}`;
        if (stored.has(key)) continue;
        try {
          storage.setItem(key, part.text());
        } catch {
          ahead.next = parts.length;
          return true;
        }
        stored.add(key);
        early.add(key);
      }
      return true;
    },
    write(storage, document) {
      const warmed = ahead;
      ahead = undefined;
      try {
        save(storage, document, warmed);
      } catch (error) {
        // The autosave stays the previous one: no part stored early for this one stays either.
        removeAll(storage, early);
        early.clear();
        throw error;
      }
      early.clear();
    },
  };
}
