import type { Host } from '../document';
import { flowKey } from '../firewall/flow-key';
import { formatPort } from '../flow';
import { normaliseIp } from '../ip';
import type { FlowRow } from '../rows';
import { readCsv } from './csv-records';

/** What a test said about a flow: the connection opened, or it did not. */
export type FlowCheck = 'verified' | 'blocked';

/** The columns a result file must have (English, any case, any order); others are ignored. */
export const RESULT_COLUMNS = ['source', 'target', 'protocol', 'port', 'result'] as const;

/**
 * Why a line was not applied: a host no host of the diagram is called by, a name several hosts
 * share, a protocol, port or result the file should not hold, a line with fewer fields than the
 * header's required columns, or hosts and port that match no flow of the current derivation.
 */
export type UnknownRowReason =
  | 'fields'
  | 'source'
  | 'target'
  | 'ambiguous'
  | 'protocol'
  | 'port'
  | 'result'
  | 'no-flow';

export interface UnknownResultRow {
  /** The line the record starts on (the header is line 1). */
  readonly line: number;
  readonly reason: UnknownRowReason;
  /** The record's values as the file wrote them (trimmed), for the message. */
  readonly source: string;
  readonly target: string;
  readonly protocol: string;
  readonly port: string;
  readonly result: string;
}

export type ResultImport =
  | {
      readonly ok: true;
      /** By flow key ({@link flowKey}); a flow tested twice keeps its later line. */
      readonly checks: ReadonlyMap<string, FlowCheck>;
      /** Lines that matched flows but say `untested` (UDP, no address): known, not applied. */
      readonly untested: number;
      readonly unknown: readonly UnknownResultRow[];
    }
  | { readonly ok: false; readonly error: 'unclosed-quote'; readonly line: number }
  | { readonly ok: false; readonly error: 'columns'; readonly missing: readonly string[] };

const RESULTS: Readonly<Record<string, FlowCheck | 'untested'>> = {
  open: 'verified',
  blocked: 'blocked',
  untested: 'untested',
};

/** Host ids by every name a file may use for them: name, FQDN, IP (case-blind). */
function hostIndex(hosts: readonly Host[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (name: string | undefined, id: string) => {
    const key = name?.trim().toLowerCase() ?? '';
    if (key === '') return;
    const ids = index.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    index.set(key, ids);
  };
  for (const h of hosts) {
    add(h.name, h.id);
    add(h.fqdn, h.id);
    if (h.ip) add(normaliseIp(h.ip), h.id);
  }
  return index;
}

/** A port as the file writes it, in the matrix's form (`443`, `49152-65535`); undefined if not one. */
function portText(text: string): string | undefined {
  const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from < 1 || to > 65535 || to < from) return undefined;
  return m[2] === undefined ? String(from) : `${from}-${to}`;
}

/**
 * Reads a connectivity test's result CSV (as the generated test script writes it) and says which
 * flows of the current derivation it verified or found blocked. A line is matched by its source
 * and target (a host's name, FQDN or IP), protocol and port; a line that matches no flow, or more
 * than one pair of hosts, is reported as unknown with its line and reason, never guessed.
 *
 * @param text - The CSV: BOM or not, `,` or `;`, CRLF or LF, quoted fields; header in English.
 * @param rows - The matrix rows of the current derivation.
 * @param hosts - The diagram's hosts.
 * @returns The state per flow key and the unknown lines, or why the file cannot be read at all.
 * @example
 * const read = importResults(csv, rows, document.hosts);
 * if (read.ok) read.checks.get(flowKey(rows[0])); // 'verified' | 'blocked' | undefined
 */
export function importResults(text: string, rows: readonly FlowRow[], hosts: readonly Host[]): ResultImport {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const [header, ...records] = csv.records;
  const names = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const missing = RESULT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) return { ok: false, error: 'columns', missing };
  const column = Object.fromEntries(RESULT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof RESULT_COLUMNS)[number],
    number
  >;
  const index = hostIndex(hosts);
  const flowsBySlot = new Map<string, FlowRow[]>();
  for (const row of rows) {
    const slot = JSON.stringify([row.sourceId, row.targetId, row.protocol, formatPort(row.port)]);
    flowsBySlot.set(slot, [...(flowsBySlot.get(slot) ?? []), row]);
  }
  const checks = new Map<string, FlowCheck>();
  const unknown: UnknownResultRow[] = [];
  let untested = 0;
  for (const record of records) {
    const get = (i: number) => (record.fields[i] ?? '').trim();
    const values = {
      source: get(column.source),
      target: get(column.target),
      protocol: get(column.protocol),
      port: get(column.port),
      result: get(column.result),
    };
    const reject = (reason: UnknownRowReason) => unknown.push({ line: record.line, reason, ...values });
    if (RESULT_COLUMNS.some((c) => column[c] >= record.fields.length)) {
      reject('fields');
      continue;
    }
    const sources = index.get(values.source.toLowerCase());
    const targets = index.get(values.target.toLowerCase());
    const protocol = values.protocol.toUpperCase();
    const port = portText(values.port);
    const said = values.result.toLowerCase();
    // hasOwn: a result such as `constructor` must not find Object's prototype.
    const result = Object.hasOwn(RESULTS, said) ? RESULTS[said] : undefined;
    if (!sources) reject('source');
    else if (!targets) reject('target');
    else if (protocol !== 'TCP' && protocol !== 'UDP') reject('protocol');
    else if (port === undefined) reject('port');
    else if (result === undefined) reject('result');
    else {
      const matches: FlowRow[][] = [];
      for (const s of sources) {
        for (const t of targets) {
          const found = flowsBySlot.get(JSON.stringify([s, t, protocol, port]));
          if (found) matches.push(found);
        }
      }
      if (matches.length === 0) reject('no-flow');
      else if (matches.length > 1) reject('ambiguous');
      else if (result === 'untested') untested += 1;
      else for (const row of matches[0] ?? []) checks.set(flowKey(row), result);
    }
  }
  return { ok: true, checks, untested, unknown };
}
