/**
 * Reading a large document file on two threads (issue 18), the reader's side (the helper's is
 * parse-helper.ts). The reading worker finds the file's links list and layout in its bytes
 * (restore-split.ts) and moves the bytes to a helper worker, which reads both while the reader
 * decodes the hosts list and the small rest, reads a hosts list of flat lines straight into packed
 * columns (host-lines.ts) and parses any other; with the hosts' ids, which the reader sends as soon
 * as it has them, the helper places the links and the layout while the reader restores the rest
 * (and restores and packs parsed hosts). The reader never decodes the file's whole text.
 * Everything that is not exactly the happy path (no cut, a cut that was not the top-level list, an
 * older version, a cap hit, a refusal, a helper that fails) gives undefined, and the reader reads
 * the whole text on its own; a layout the helper could not place is restored here. The result is
 * always the one `readDocumentText` gives of the file's text.
 */
import type { Catalogue } from '@/domain/catalogue-types';
import { DOCUMENT_VERSION, type Host } from '@/domain/document';
import { type HostColumns, readHostLines } from '@/domain/host-lines';
import { type HostOrders, hostOrders } from '@/domain/host-orders';
import { MAX_VALUES } from '@/domain/limits';
import type { Message } from '@/domain/message';
import { MAX_FILE_BYTES, type RestoreParts, restoreWithoutLinks } from '@/domain/restore';
import { restoreZones } from '@/domain/restore-graph';
import { scanLimits } from '@/domain/restore-scan';
import { restoreEdition, restoreLayout } from '@/domain/restore-settings';
import { cutLinks, holdsMark, withParts } from '@/domain/restore-split';
import { isId, isObject, own } from '@/domain/restore-values';
import { idsAndNames, type PackedHosts, packColumns, unpackHosts } from './host-pack';
import type { HelperReply, HelperRequest, PartPort } from './parse-helper';
import { type PackedBody, packBody, packedMessage, packHostsAndRest, positionsOf } from './parse-pack';
import type { EarlyMessage } from './parse-protocol';

/** Files of at least this many bytes are read on two threads; a smaller one is read sooner on one. */
export const SPLIT_BYTES = 4 * 1024 * 1024;

/** The packed result as the reader posts it, with its buffers to transfer. */
export type PackedMessage = ReturnType<typeof packedMessage>;

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
 * @param early - told, before the helper's links are in, the packed hosts as soon as they are
 *   columns (the result then leaves them out), and the document's name and host count once it is
 *   restored; not when the file is read on one thread after all
 * @returns the packed result, equal to `packResult(readDocumentText(text, catalogue))` of the
 *   bytes' text once unpacked; undefined when the file is not for two threads (then read it on one)
 * @example const packed = await readSplit(bytes, catalogue, port, new Promise(() => {}));
 */
export async function readSplit(
  bytes: Uint8Array,
  catalogue: Catalogue,
  port: PartPort,
  lost: Promise<void>,
  early: (message: EarlyMessage) => void = () => {},
): Promise<PackedMessage | undefined> {
  if (bytes.length > MAX_FILE_BYTES) return undefined;
  const mark = freshMark();
  const cut = cutLinks(bytes, mark);
  if (!cut) return undefined;
  const next = inbox(port, lost);
  const { layoutAt } = cut;
  const request: HelperRequest = { type: 'links', bytes, at: cut.linksAt, ...(layoutAt ? { layoutAt } : {}) };
  port.postMessage(request, [bytes.buffer as ArrayBuffer]);
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
  // Flat host lines restore keeps as they are come as columns, not parsed; the layout is then cut
  // out too (restore here sees no host, so it must not see positions).
  const lines = cut.hosts !== undefined && layoutAt ? hostLines(cut.hosts, parsed, catalogue) : undefined;
  if (lines) parsed.hosts = [];
  else if (!withParts(parsed, cut, false)) return undefined;
  parsed.links = [];
  // The hosts' ids as restore will place them, sent before restore: the helper restores the links
  // while the hosts are restored here. Right when restore keeps every host (it drops a host without
  // a usable id, and refuses repeated ids).
  const ids = lines ? lines.ids : hostIds(own(parsed, 'hosts'));
  if (ids === undefined) return undefined;
  port.postMessage({ type: 'hosts', ids: ids.join('\n') });
  // Hosts read as lines go ahead at once: the page unpacks them while the rest is restored here.
  const packedLines = lines && packColumns(lines);
  if (packedLines) early({ type: 'ahead', hosts: packedLines });
  const counted = { values: 0 };
  let at = -1;
  let apart: Apart | undefined;
  const keepApart: RestoreParts['layout'] = (hosts, indexById, problems) => {
    apart = { hosts, indexById, at: problems.length };
    return {};
  };
  const result = restoreWithoutLinks(parsed, catalogue, {
    counted,
    links: (indexById, problems) => {
      if (indexById.size === (lines ? 0 : ids.length)) at = problems.length;
      return [];
    },
    // A layout cut out is placed by the helper, or restored here once the helper could not.
    ...(layoutAt ? { layout: keepApart } : {}),
  });
  if (!result.ok || at < 0) return undefined;
  // Without the layout, the hosts are packed while the helper places it.
  const body = packedLines
    ? { ...packHostsAndRest(result.document), hosts: packedLines }
    : apart
      ? packHostsAndRest(result.document)
      : packBody(result.document);
  if (!body) return undefined;
  // Parsed hosts go ahead once packed: the page unpacks them while the helper places the links.
  const ahead = typeof body.hosts === 'string' ? undefined : body.hosts;
  if (ahead && !packedLines) early({ type: 'ahead', hosts: ahead });
  const count = lines ? lines.ids.length : result.document.hosts.length;
  early({ type: 'named', name: result.document.name, hosts: count });
  // The hosts' orders, worked out while the helper places the links: the page then sorts them
  // neither for the matrix nor for the checks.
  const sent = packedLines ?? ahead;
  const orders = sent && ordersOf(sent);
  const scanned = await next();
  if (scanned.type !== 'parsed') return undefined;
  const restored = await next();
  if (restored.type !== 'links') return undefined;
  const kept = apart; // a const, for the closure below
  const layout =
    kept &&
    layoutApart(
      cut.layout ?? '',
      // The lines' hosts are unpacked only for a layout restored here.
      () => (lines && packedLines ? linesApart(lines, packedLines, kept.at) : kept),
      restored.positions,
      scanned.layoutValues,
    );
  const positions: Float64Array | undefined = apart ? layout?.positions : (body as PackedBody).positions;
  // The links list and the layout count in both parts: here as `[]` and `["<mark>"]` in their places.
  // So do the hosts read as lines: here as `[]`.
  const values =
    counted.values - 1 + scanned.values + (layout ? layout.values - 2 : 0) + (lines ? lines.values - 1 : 0);
  if (!positions || values > MAX_VALUES) return undefined;
  const { problems: all } = result;
  const layoutFrom = apart?.at ?? all.length;
  const problems = [
    ...all.slice(0, at),
    ...(JSON.parse(restored.problems) as Message[]),
    ...all.slice(at, layoutFrom),
    ...(layout?.problems ?? []),
    ...all.slice(layoutFrom),
  ];
  return packedMessage(
    {
      ...body,
      ...(ahead ? { hosts: null } : {}),
      ...restored.links,
      positions,
      ...(orders ? { orders } : {}),
    },
    problems,
  );
}

/** The orders of packed hosts (host-orders.ts). */
function ordersOf(packed: PackedHosts): HostOrders {
  const { ids, names } = idsAndNames(packed);
  return hostOrders(ids, names);
}

/** The restored hosts a layout cut out belongs to, and where its report lines go among the others. */
interface Apart {
  readonly hosts: readonly Host[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly at: number;
}

/**
 * The positions of a layout cut out, its count of values and its report lines: the helper's
 * positions when it placed them, else the layout's text parsed, checked and restored here against
 * the hosts `hostsOf` gives (asked for only then: hosts read as lines must be unpacked for it).
 */
function layoutApart(
  text: string,
  hostsOf: () => Apart,
  placed: Float64Array | undefined,
  values: number | undefined,
): { positions: Float64Array; values: number; problems: Message[] } | undefined {
  if (placed && values !== undefined) return { positions: placed, values, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const counted = { values: 0 };
  if (scanLimits(raw, counted, 1)) return undefined;
  const problems: Message[] = [];
  const apart = hostsOf();
  const layout = restoreLayout(raw, apart.hosts, problems, true, apart.indexById);
  const positions = positionsOf(apart.hosts, layout);
  return positions && { positions, values: counted.values, problems };
}

/**
 * The hosts list read as lines, against the document's edition, when every zone its hosts name is
 * one of the document's zones (else restore reports the host, and the list is read as JSON).
 */
function hostLines(
  text: string,
  parsed: Record<string, unknown>,
  catalogue: Catalogue,
): HostColumns | undefined {
  const lines = readHostLines(text, restoreEdition(own(parsed, 'settings'), catalogue, []));
  if (!lines) return undefined;
  const raw = own(parsed, 'zones');
  const known = new Set(restoreZones(Array.isArray(raw) ? raw : [], []).map((zone) => zone.id));
  for (const zone of lines.zones) if (!known.has(zone)) return undefined;
  return lines;
}

/** The hosts read as lines, for the layout restored here when the helper could not place it. */
function linesApart(lines: HostColumns, packed: PackedHosts, at: number): Apart {
  const indexById = new Map<string, number>();
  for (const id of lines.ids) indexById.set(id, indexById.size);
  return { hosts: unpackHosts(packed), indexById, at };
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
