/**
 * Reading a large document file on two threads (issue 18). The reading worker finds the file's
 * links list in its bytes (restore-split.ts) and moves the bytes to a helper worker, which decodes
 * and parses the list and checks its caps while the reader decodes and parses the rest; with the
 * hosts' ids, which the reader sends as soon as it has parsed them, the helper restores and packs
 * the links while the reader restores and packs the rest. The reader decodes the hosts list, the
 * layout and the rest (zones, settings: 73 KB of a 100,000-host file) each on its own, and never
 * the file's whole text. Everything that is not exactly the happy path (no cut, a cut that was not
 * the top-level list, an older version, a cap hit, a refusal, a helper that fails) gives undefined,
 * and the reader reads the whole text on its own: the result is always the one `readDocumentText`
 * gives of the file's text.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { DOCUMENT_VERSION } from '@/domain/document';
import { MAX_VALUES } from '@/domain/limits';
import { type LinkLines, placeLinkLines, scanLinkLines } from '@/domain/link-lines';
import type { Message } from '@/domain/message';
import { MAX_FILE_BYTES, restoreWithoutLinks } from '@/domain/restore';
import { type LinkEnds, restoreLinks } from '@/domain/restore-graph';
import { scanLimits } from '@/domain/restore-scan';
import { cutLinks, holdsMark, withParts } from '@/domain/restore-split';
import { isId, isObject, own } from '@/domain/restore-values';
import { type PackedLinks, packBody, packedMessage, packLinks } from './parse-pack';

/** Files of at least this many bytes are read on two threads; a smaller one is read sooner on one. */
export const SPLIT_BYTES = 4 * 1024 * 1024;

/** What the reader asks of its helper: the links list (the file's bytes and where it lies in them), then the hosts' ids. */
export type HelperRequest =
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

/** The links list as JSON: parsed, within its caps (as the list of a document, one level in), its values counted. */
function parseList(
  bytes: Uint8Array,
  at: readonly [number, number],
): { list: unknown[]; values: number } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(...at)));
  } catch {
    return undefined;
  }
  const counted = { values: 0 };
  if (!Array.isArray(parsed) || scanLimits(parsed, counted, 1)) return undefined;
  return { list: parsed, values: counted.values };
}

/** The links list restored against the hosts' ids (one per line) and packed, or undefined. */
function restoreList(list: readonly unknown[], ids: string): HelperReply | undefined {
  const indexById = new Map<string, number>();
  if (ids !== '') for (const id of ids.split('\n')) indexById.set(id, indexById.size);
  const problems: Message[] = [];
  const ends: LinkEnds = {};
  const links = restoreLinks(list, indexById, problems, true, ends);
  const packed = ends.places && packLinks(links, ends.places);
  return packed && { type: 'links', links: packed, problems: JSON.stringify(problems) };
}

/**
 * Serves the reader on `port`: reads the links list it sends and checks its caps, then restores it
 * against the host ids the reader sends next. A list of plain link lines is read from the bytes
 * (link-lines.ts); any other, or one whose links restore would change, is parsed as JSON.
 *
 * @param port - the helper's end of the channel
 * @example serveLinks(channel.port2);
 */
export function serveLinks(port: PartPort): void {
  let bytes: Uint8Array | undefined;
  let at: readonly [number, number] = [0, 0];
  let lines: LinkLines | undefined;
  let parsed: unknown[] | undefined;
  const failed = () => port.postMessage({ type: 'failed' });
  port.addEventListener('message', (event: MessageEvent<HelperRequest>) => {
    const request = event.data;
    if (request.type === 'links') {
      ({ bytes, at } = request);
      lines = scanLinkLines(bytes, ...at);
      const read = lines ? undefined : parseList(bytes, at);
      if (!lines && !read) {
        failed();
        return;
      }
      parsed = read?.list;
      // A list of n plain links is 1 + 4n values: the list, and each link and its three ids.
      port.postMessage({ type: 'parsed', values: lines ? 1 + 4 * lines.count : (read?.values ?? 0) });
      return;
    }
    if (!bytes) return;
    try {
      const ends = lines && placeLinkLines(lines, bytes, request.ids);
      let reply: HelperReply | undefined;
      if (lines && ends) {
        const links: PackedLinks = { linkIds: lines.ids, ends, labels: [], inferred: [] };
        reply = { type: 'links', links, problems: '[]' };
      } else {
        const list = parsed ?? parseList(bytes, at)?.list;
        reply = list && restoreList(list, request.ids);
      }
      bytes = undefined;
      lines = undefined;
      parsed = undefined;
      if (reply?.type === 'links') port.postMessage(reply, [reply.links.ends.buffer as ArrayBuffer]);
      else failed();
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
 * Reads a document file's bytes with the helper on `port`: the bytes move to the helper, which
 * decodes the links list; the hosts list, the layout and the rest are decoded here.
 *
 * @param bytes - the file's bytes (UTF-8); not read here once this returns
 * @param catalogue - the catalogue restore checks against (the document's edition decides)
 * @param port - the reader's end of the channel to a helper that runs {@link serveLinks}
 * @param lost - settles if the helper fails (its script did not load)
 * @returns the packed result, equal to `packResult(readDocumentText(text, catalogue))` of the
 *   bytes' text once unpacked; undefined when the file is not for two threads (then read it on one)
 * @example const packed = await readSplit(bytes, catalogue, port, new Promise(() => {}));
 */
export async function readSplit(
  bytes: Uint8Array,
  catalogue: Catalogue,
  port: PartPort,
  lost: Promise<void>,
): Promise<PackedMessage | undefined> {
  if (bytes.length > MAX_FILE_BYTES) return undefined;
  const mark = freshMark();
  const cut = cutLinks(bytes, mark);
  if (!cut) return undefined;
  const next = inbox(port, lost);
  port.postMessage({ type: 'links', bytes, at: cut.linksAt }, [bytes.buffer as ArrayBuffer]);
  let parsed: unknown;
  try {
    // A second byte order mark, after the one decoding drops, goes too (as `readDocumentText` reads).
    parsed = JSON.parse(cut.rest.charCodeAt(0) === 0xfeff ? cut.rest.slice(1) : cut.rest);
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
