/**
 * Reading the autosave and its last good copy back (autosave-parts.ts writes them): a text stored
 * whole, or a list of parts whose texts make the text.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { type Message, message } from '@/domain/message';
import { type RestoreResult, readDocumentText } from '@/domain/restore';
import { AUTOSAVE_KEY, LAST_GOOD_KEY } from './autosave-storage';

/** How a part's key starts; the rest is the part's name. */
export const PART_PREFIX = 'cm-port-planner/autosave-part/';
/** What the list of parts says it is (a document's text starts otherwise). */
export const PARTS_FORMAT = 'cm-port-planner/autosave-parts';

/** The list of parts under the autosave's key (and its last good copy's). */
export interface PartList {
  readonly format: typeof PARTS_FORMAT;
  readonly version: 1;
  /** The whole text's length: what the parts must add up to. */
  readonly chars: number;
  /** The parts' names, in order. */
  readonly parts: readonly string[];
}

/** Whether what is stored under a key is a list of parts (a document's text starts otherwise). */
const isPartList = (head: string) => head.startsWith(`{"format":"${PARTS_FORMAT}"`);

/** The autosave's text as stored: none, the text, or why its parts do not make one. */
export type StoredAutosave =
  | { readonly ok: true; readonly text: string | null }
  | { readonly ok: false; readonly stored: string; readonly error: Message };

/** The list of parts `head` holds; undefined for a whole text (or a list that cannot be read). */
function partList(head: string): PartList | undefined {
  if (!isPartList(head)) return undefined;
  try {
    const value = JSON.parse(head) as Partial<PartList>;
    return typeof value.chars === 'number' &&
      Array.isArray(value.parts) &&
      value.parts.every((part) => typeof part === 'string')
      ? (value as PartList)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the autosave (or its last good copy, under `key`): the text under its key, or the text its
 * parts make. Throws what storage throws (reading can be denied).
 */
export function readAutosave(storage: Pick<Storage, 'getItem'>, key = AUTOSAVE_KEY): StoredAutosave {
  const head = storage.getItem(key);
  if (head === null || !isPartList(head)) return { ok: true, text: head };
  const list = partList(head);
  if (!list) return { ok: false, stored: head, error: message('store:autosave.parts.unreadable') };
  const texts: string[] = [];
  let missing = 0;
  for (const part of list.parts) {
    const text = storage.getItem(`${PART_PREFIX}${part}`);
    if (text === null) missing += 1;
    else texts.push(text);
  }
  if (missing > 0)
    return {
      ok: false,
      stored: head,
      error: message('store:autosave.parts.missing', { count: missing, parts: list.parts.length }),
    };
  const text = texts.join('');
  if (text.length !== list.chars)
    return { ok: false, stored: head, error: message('store:autosave.parts.changed') };
  return { ok: true, text };
}

/**
 * The autosave's text for a copy or a download: what its parts make, or what is stored as it is;
 * null without storage or autosave.
 */
export function storedAutosaveText(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  if (!storage) return null;
  const read = readAutosave(storage);
  return read.ok ? read.text : read.stored;
}

/**
 * The autosave read as a document (another tab saved it): what restore made of it, why its parts
 * make no text, or undefined when nothing is stored or storage denies reading.
 */
export function readStoredDocument(
  storage: Storage | undefined,
  catalogue: Catalogue,
): RestoreResult | Extract<StoredAutosave, { ok: false }> | undefined {
  let stored: StoredAutosave;
  try {
    if (!storage) return undefined;
    stored = readAutosave(storage);
  } catch {
    return undefined;
  }
  if (!stored.ok) return stored;
  return stored.text === null ? undefined : readDocumentText(stored.text, catalogue);
}

/** The keys of the parts the list under `key` names; none when it holds a whole text or nothing. */
export function listedParts(storage: Pick<Storage, 'getItem'>, key: string): Set<string> {
  const head = storage.getItem(key);
  const list = head === null ? undefined : partList(head);
  return new Set(list?.parts.map((part) => `${PART_PREFIX}${part}`));
}

/**
 * Keeps the autosave, as it reads well, as the last good copy: a whole text as it is, a diagram in
 * parts as the list of its parts, which saves then keep beside their own (they share all but the
 * parts edits changed). Storage refusing it leaves none.
 */
export function keepLastGood(storage: Storage): void {
  try {
    const head = storage.getItem(AUTOSAVE_KEY);
    if (head !== null && storage.getItem(LAST_GOOD_KEY) !== head) storage.setItem(LAST_GOOD_KEY, head);
  } catch {
    // Without room for the copy there is none; the autosave itself is untouched.
  }
}
