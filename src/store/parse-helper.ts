/**
 * The helper of the two-thread read of a large document file (issue 18; the reader's side is
 * parse-split.ts). It gets the file's bytes with where the links list and the layout lie in them,
 * reads both while the reader parses the hosts, and places them once the reader sends the hosts'
 * ids. A links list of plain link lines and a layout of plain positions are read from the bytes
 * (link-lines.ts, layout-lines.ts); another links list is decoded, parsed and restored here as
 * JSON, and another layout is left to the reader (it gets no positions).
 */
import { HostTable } from '@/domain/host-table';
import { type LayoutLines, placeLayoutLines, scanLayoutLines } from '@/domain/layout-lines';
import { type LinkLines, placeLinkLines, scanLinkLines } from '@/domain/link-lines';
import type { Message } from '@/domain/message';
import { type LinkEnds, restoreLinks } from '@/domain/restore-graph';
import { scanLimits } from '@/domain/restore-scan';
import { type PackedLinks, packLinks } from './parse-pack';

type Span = readonly [number, number];

/**
 * What the reader asks of its helper: the links list and the layout (the file's bytes and where
 * each lies in them; the layout where the reader cut it out), then the hosts' ids.
 */
export type HelperRequest =
  | { readonly type: 'links'; readonly bytes: Uint8Array; readonly at: Span; readonly layoutAt?: Span }
  | { readonly type: 'hosts'; readonly ids: string };

/**
 * What the helper answers: the links list read (its count of values, and the layout's when it
 * read the layout), then the links restored and packed, and the positions in host order when the
 * layout is one restore keeps as it is.
 */
export type HelperReply =
  | { readonly type: 'parsed'; readonly values: number; readonly layoutValues?: number }
  | {
      readonly type: 'links';
      readonly links: PackedLinks;
      readonly problems: string;
      readonly positions?: Float64Array;
    }
  | { readonly type: 'failed' };

/** One end of the channel between the reader and its helper (a MessagePort). */
export interface PartPort {
  postMessage(message: HelperRequest | HelperReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}

/** The links list as JSON: parsed, within its caps (as the list of a document, one level in), its values counted. */
function parseList(bytes: Uint8Array, at: Span): { list: unknown[]; values: number } | undefined {
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
function restoreList(
  list: readonly unknown[],
  ids: string,
): { links: PackedLinks; problems: string } | undefined {
  const indexById = new Map<string, number>();
  if (ids !== '') for (const id of ids.split('\n')) indexById.set(id, indexById.size);
  const problems: Message[] = [];
  const ends: LinkEnds = {};
  const links = restoreLinks(list, indexById, problems, true, ends);
  const packed = ends.places && packLinks(links, ends.places);
  return packed && { links: packed, problems: JSON.stringify(problems) };
}

/** What the helper has read of the bytes while it waits for the hosts' ids. */
interface Read {
  readonly bytes: Uint8Array;
  readonly at: Span;
  readonly lines?: LinkLines;
  readonly parsed?: unknown[];
  readonly layout?: LayoutLines;
}

/** Reads the links list (as lines, else as JSON) and the layout's lines; undefined when the list is not JSON within its caps. */
function read(request: Extract<HelperRequest, { type: 'links' }>): [Read, HelperReply] | undefined {
  const { bytes, at, layoutAt } = request;
  const lines = scanLinkLines(bytes, ...at);
  const json = lines ? undefined : parseList(bytes, at);
  if (!lines && !json) return undefined;
  const layout = layoutAt && scanLayoutLines(bytes, ...layoutAt);
  // n plain links are 1 + 4n values (the list, and each link and its three ids); n positions
  // 1 + 3n (the map, and each position and its x and y).
  const values = lines ? 1 + 4 * lines.count : (json?.values ?? 0);
  const reply: HelperReply = layout
    ? { type: 'parsed', values, layoutValues: 1 + 3 * layout.count }
    : { type: 'parsed', values };
  return [{ bytes, at, lines, parsed: json?.list, layout }, reply];
}

/** The links, and the positions when the layout is plain, placed among the hosts (ids one per line). */
function place(done: Read, ids: string): HelperReply | undefined {
  const { bytes, lines, layout } = done;
  // No table for repeated ids (restore refuses the document) or ids made to collide: the reader
  // then reads the file on its own.
  const table = HostTable.of(ids);
  if (!table) return undefined;
  const ends = lines && placeLinkLines(lines, table);
  // A list of lines restore would change is restored from its JSON (parsed only now).
  const list = ends ? undefined : (done.parsed ?? parseList(bytes, done.at)?.list);
  const links = ends
    ? { links: { linkIds: lines.ids, ends, labels: [], inferred: [] }, problems: '[]' }
    : list && restoreList(list, ids);
  if (!links) return undefined;
  const positions = layout && placeLayoutLines(layout, bytes, table);
  return positions ? { type: 'links', ...links, positions } : { type: 'links', ...links };
}

/**
 * Serves the reader on `port`: reads the links list and the layout it sends and checks the list's
 * caps, then places them among the hosts whose ids the reader sends next.
 *
 * @param port - the helper's end of the channel
 * @example serveLinks(channel.port2);
 */
export function serveLinks(port: PartPort): void {
  let done: Read | undefined;
  const failed = () => port.postMessage({ type: 'failed' });
  port.addEventListener('message', (event: MessageEvent<HelperRequest>) => {
    const request = event.data;
    if (request.type === 'links') {
      let answer: ReturnType<typeof read>;
      try {
        answer = read(request);
      } catch {
        answer = undefined;
      }
      if (!answer) failed();
      else {
        done = answer[0];
        port.postMessage(answer[1]);
      }
      return;
    }
    const was = done;
    done = undefined;
    if (!was) return;
    try {
      const reply = place(was, request.ids);
      if (reply?.type !== 'links') {
        failed();
        return;
      }
      const transfer = [reply.links.ends.buffer as ArrayBuffer];
      if (reply.positions) transfer.push(reply.positions.buffer as ArrayBuffer);
      port.postMessage(reply, transfer);
    } catch {
      failed();
    }
  });
  port.start?.();
}
