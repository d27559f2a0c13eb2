/**
 * Reading a large document file on two threads (issue 18). The reading worker cuts the file's
 * links list out of its text (restore-split.ts) and hands it to a helper worker, which parses it
 * and checks its caps while the reader parses the rest; with the hosts' ids, which the reader sends
 * as soon as it has parsed them, the helper restores and packs the links while the reader restores
 * and packs the rest. The reader parses the hosts list and the layout from slices of the text, so
 * what it parses as one copied text (zones, settings) is 73 KB of a 100,000-host file, not 17 MB.
 * Everything that is not exactly the happy path (no cut, a cut that was not the top-level list, an
 * older version, a cap hit, a refusal, a helper that fails) gives undefined, and the reader reads
 * the whole text on its own: the result is always the one `readDocumentText` gives.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { DOCUMENT_VERSION } from '@/domain/document';
import { MAX_VALUES } from '@/domain/limits';
import type { Message } from '@/domain/message';
import { MAX_FILE_BYTES, restoreWithoutLinks } from '@/domain/restore';
import { type LinkEnds, restoreLinks } from '@/domain/restore-graph';
import { scanLimits } from '@/domain/restore-scan';
import { cutLinks, holdsMark, withParts } from '@/domain/restore-split';
import { isId, isObject, own } from '@/domain/restore-values';
import { type PackedLinks, packBody, packedMessage, packLinks } from './parse-pack';

/**
 * Texts at least this long are read on two threads; a shorter one is read sooner on one. The page
 * compares it with the file's size in bytes to start the helper (the text is not read yet), the
 * reader with the text's length; a file between the two is read on one thread.
 */
export const SPLIT_CHARS = 4 * 1024 * 1024;

/** What the reader asks of its helper: the links list as text, or as the file's bytes and where it lies in them. */
export type HelperRequest =
  | { readonly type: 'links'; readonly text: string }
  | { readonly type: 'links'; readonly bytes: Uint8Array; readonly at: readonly [number, number] }
  | { readonly type: 'hosts'; readonly ids: string };

/** What the helper answers: the links list parsed (its count of values), then restored and packed. */
export type HelperReply =
  | { readonly type: 'parsed'; readonly values: number }
  | { readonly type: 'links'; readonly links: PackedLinks; readonly problems: string }
  | { readonly type: 'failed' };

/** One end of the channel between the reader and its helper (a MessagePort). */
export interface PartPort {
  postMessage(message: HelperRequest | HelperReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}

/** The packed result as the reader posts it, with its buffers to transfer. */
export type PackedMessage = ReturnType<typeof packedMessage>;

/**
 * Serves the reader on `port`: parses the links list it sends and checks its caps (as the list of
 * a document, one level in), then restores it against the host ids the reader sends next.
 *
 * @param port - the helper's end of the channel
 * @example serveLinks(channel.port2);
 */
export function serveLinks(port: PartPort): void {
  let raw: unknown[] | undefined;
  const failed = () => port.postMessage({ type: 'failed' });
  port.addEventListener('message', (event: MessageEvent<HelperRequest>) => {
    const request = event.data;
    if (request.type === 'links') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(
          'text' in request ? request.text : new TextDecoder().decode(request.bytes.subarray(...request.at)),
        );
      } catch {
        failed();
        return;
      }
      const counted = { values: 0 };
      if (!Array.isArray(parsed) || scanLimits(parsed, counted, 1)) {
        failed();
        return;
      }
      raw = parsed;
      port.postMessage({ type: 'parsed', values: counted.values });
      return;
    }
    const list = raw;
    raw = undefined;
    if (!list) return;
    try {
      const indexById = new Map<string, number>();
      if (request.ids !== '') for (const id of request.ids.split('\n')) indexById.set(id, indexById.size);
      const problems: Message[] = [];
      const ends: LinkEnds = {};
      const links = restoreLinks(list, indexById, problems, true, ends);
      const packed = ends.places && packLinks(links, ends.places);
      if (!packed) {
        failed();
        return;
      }
      const reply: HelperReply = { type: 'links', links: packed, problems: JSON.stringify(problems) };
      port.postMessage(reply, [packed.ends.buffer as ArrayBuffer]);
    } catch {
      failed();
    }
  });
  port.start?.();
}

/** The helper's replies in order; a lost helper reads as failed. */
function inbox(port: PartPort, lost: Promise<void>): () => Promise<HelperReply> {
  const waiting: ((reply: HelperReply) => void)[] = [];
  const early: HelperReply[] = [];
  const take = (reply: HelperReply) => {
    const next = waiting.shift();
    if (next) next(reply);
    else early.push(reply);
  };
  port.addEventListener('message', (event: MessageEvent<HelperReply>) => take(event.data));
  port.start?.();
  void lost.then(() => {
    for (let i = 0; i < 2; i += 1) take({ type: 'failed' });
  });
  return () => {
    const reply = early.shift();
    return reply ? Promise.resolve(reply) : new Promise((resolve) => waiting.push(resolve));
  };
}

/** A string no file can know beforehand. */
const freshMark = () =>
  `cm-links-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}${Date.now()}`;

/**
 * Reads a document's text with the helper on `port`.
 *
 * @param text - the file's text
 * @param catalogue - the catalogue restore checks against (the document's edition decides)
 * @param port - the reader's end of the channel to a helper that runs {@link serveLinks}
 * @param lost - settles if the helper fails (its script did not load)
 * @param bytes - the file's bytes the text was decoded from, if at hand: they move to the helper
 *   (not read here after) when the text has one character per byte
 * @returns the packed result, equal to `packResult(readDocumentText(text, catalogue))` once
 *   unpacked; undefined when the text is not for two threads (then read it on one)
 * @example const packed = await readSplit(text, catalogue, port, new Promise(() => {}));
 */
export async function readSplit(
  text: string,
  catalogue: Catalogue,
  port: PartPort,
  lost: Promise<void>,
  bytes?: Uint8Array,
): Promise<PackedMessage | undefined> {
  if (text.length > MAX_FILE_BYTES) return undefined;
  const mark = freshMark();
  const cut = cutLinks(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, mark);
  if (!cut) return undefined;
  const next = inbox(port, lost);
  // A file of one byte per character (ASCII) has its links at the same places in its bytes, which
  // move to the helper as they are; else the text is copied over.
  if (bytes?.length === text.length) {
    port.postMessage({ type: 'links', bytes, at: cut.linksAt }, [bytes.buffer as ArrayBuffer]);
  } else port.postMessage({ type: 'links', text: cut.links });
  let parsed: unknown;
  try {
    parsed = JSON.parse(cut.rest);
  } catch {
    return undefined;
  }
  // Migrations may change links: an older version is read on one thread.
  if (!isObject(parsed) || !holdsMark(parsed, mark, cut) || own(parsed, 'version') !== DOCUMENT_VERSION)
    return undefined;
  if (!withParts(parsed, cut)) return undefined;
  parsed.links = [];
  // The hosts' ids as restore will place them, sent before restore: the helper restores the links
  // while the hosts are restored here. Right when restore keeps every host (it drops a host without
  // a usable id, and refuses repeated ids).
  const ids = hostIds(own(parsed, 'hosts'));
  if (ids === undefined) return undefined;
  port.postMessage({ type: 'hosts', ids: ids.join('\n') });
  const counted = { values: 0 };
  let at = -1;
  const result = restoreWithoutLinks(parsed, catalogue, {
    counted,
    links: (indexById, problems) => {
      if (indexById.size === ids.length) at = problems.length;
      return [];
    },
  });
  if (!result.ok || at < 0) return undefined;
  const body = packBody(result.document);
  if (!body) return undefined;
  const scanned = await next();
  // The links list counts in both parts: here as the empty list in its place.
  if (scanned.type !== 'parsed' || counted.values - 1 + scanned.values > MAX_VALUES) return undefined;
  const restored = await next();
  if (restored.type !== 'links') return undefined;
  const problems = [
    ...result.problems.slice(0, at),
    ...(JSON.parse(restored.problems) as Message[]),
    ...result.problems.slice(at),
  ];
  return packedMessage({ ...body, ...restored.links }, problems);
}

/** The id of every raw host, when each has an id restore keeps; else undefined. */
function hostIds(raw: unknown): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const ids: string[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) {
    const item: unknown = raw[i];
    const id = isObject(item) ? own(item, 'id') : undefined;
    if (!isId(id)) return undefined;
    ids[i] = id;
  }
  return ids;
}
