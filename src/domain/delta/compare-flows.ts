/**
 * "What changed since the last request": the flows to add, to remove and whose ports changed
 * between two sets of matrix rows (a saved diagram's, or an earlier workbook's read back).
 */
import { comparableName } from '../checks/host-names';
import { comparePorts, type FlowPort, formatPort } from '../flow';
import {
  DELTA_CHANGES,
  type DeltaChange,
  type DeltaEntry,
  type DeltaRow,
  type FlowDelta,
} from './delta-types';

/** One flow of one side: rows with the same hosts, protocol and port merged (their sections joined). */
interface SideFlow {
  readonly row: DeltaRow;
  readonly sections: string[];
}

const SEP = '\u0000';

/**
 * A host as the comparison knows it: its comparable name, and its id when both sides have ids
 * (a host removed and re-added under the same name is then another host, as it is in the diagram).
 */
function hostKey(name: string, id: string | undefined, useIds: boolean): string {
  return useIds ? `${id}\u0001${comparableName(name)}` : comparableName(name);
}

/** Initiator, responder and protocol: the link in one direction. Both directions are kept apart. */
function pairKey(row: DeltaRow, useIds: boolean): string {
  return [
    hostKey(row.source, row.sourceId, useIds),
    hostKey(row.target, row.targetId, useIds),
    row.protocol,
  ].join(SEP);
}

/** A one-port range (`80-80`) is not the single port 80: the catalogue wrote them apart. */
function portKey(port: FlowPort): string {
  return port.kind === 'single' ? String(port.port) : `${port.from}-${port.to}`;
}

function pushNew(into: string[], values: readonly string[]): void {
  for (const value of values) if (!into.includes(value)) into.push(value);
}

/** Merges a side's rows by hosts, protocol and port (the firewall rule), keeping the first row. */
function indexSide(rows: readonly DeltaRow[], useIds: boolean): Map<string, SideFlow> {
  const out = new Map<string, SideFlow>();
  for (const row of rows) {
    const key = `${pairKey(row, useIds)}${SEP}${portKey(row.port)}`;
    const known = out.get(key);
    if (known) pushNew(known.sections, row.sections);
    else out.set(key, { row, sections: [...row.sections] });
  }
  return out;
}

const serviceKey = (service: string) => service.trim().toLowerCase();

/** Leftover flows (on one side only) grouped by link, protocol and service, in first-seen order. */
function groupLeftovers(
  flows: Iterable<SideFlow>,
  useIds: boolean,
  groups: Map<string, Group>,
  side: 'before' | 'after',
) {
  for (const flow of flows) {
    const key = `${pairKey(flow.row, useIds)}${SEP}${serviceKey(flow.row.service)}`;
    let group = groups.get(key);
    if (!group) {
      group = { before: [], after: [] };
      groups.set(key, group);
    }
    group[side].push(flow);
  }
}

interface Group {
  readonly before: SideFlow[];
  readonly after: SideFlow[];
}

function entry(change: DeltaChange, before: readonly SideFlow[], after: readonly SideFlow[]): DeltaEntry {
  const row = (after[0] ?? before[0])!.row;
  const sections: string[] = [];
  for (const flow of [...after, ...before]) pushNew(sections, flow.sections);
  const ports = (flows: readonly SideFlow[]) => flows.map((f) => f.row.port).sort(comparePorts);
  return {
    change,
    source: row.source,
    target: row.target,
    protocol: row.protocol,
    service: row.service,
    portsBefore: ports(before),
    portsAfter: ports(after),
    sections,
    ...(row.sourceId !== undefined && { sourceId: row.sourceId }),
    ...(row.targetId !== undefined && { targetId: row.targetId }),
    ...(row.linkId !== undefined && { linkId: row.linkId }),
  };
}

/** Source, destination (as the app compares names), protocol, first port, service. */
function compareEntries(a: DeltaEntry, b: DeltaEntry): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // A changed entry sorts by the port the firewall has now (the rule to edit).
  const first = (e: DeltaEntry) => (e.portsBefore[0] ?? e.portsAfter[0])!;
  return (
    text(comparableName(a.source), comparableName(b.source)) ||
    text(comparableName(a.target), comparableName(b.target)) ||
    text(a.protocol, b.protocol) ||
    comparePorts(first(a), first(b)) ||
    text(serviceKey(a.service), serviceKey(b.service))
  );
}

const hasIds = (row: DeltaRow) => Boolean(row.sourceId) && Boolean(row.targetId);

/**
 * Compares the flows of an earlier request with today's. A flow is its initiator, responder,
 * protocol and port: hosts match by name as the app compares names (case and blanks aside), and
 * also by id when every row on both sides has ids (two diagrams; a workbook has names only). A flow
 * both sides have is unchanged whatever its sections say. The rest is grouped by initiator,
 * responder, protocol and service: a group with ports on both sides is one `changed` entry (the
 * earlier ports and the new ones), otherwise each port is `added` or `removed`. Each direction of a
 * link is its own flow, so a rule that stops being initiated from one side removes that side only.
 *
 * @param before - Rows of the earlier request (a saved diagram's, or read from our workbook).
 * @param after - Rows of today's diagram.
 * @returns The added, removed and changed entries, each sorted by source, destination, protocol,
 *   port and service, and how many flows stayed the same.
 * @example
 * const delta = compareFlows(readOurWorkbookRows, flowsToRows(flows, document, catalogue));
 * delta.changed[0]; // { change: 'changed', source: 'P01-SITE', target: 'P01-SQL', protocol: 'TCP',
 *                   //   portsBefore: [{ kind: 'single', port: 1433 }], portsAfter: [{ kind: 'single', port: 1533 }], … }
 */
export function compareFlows(before: readonly DeltaRow[], after: readonly DeltaRow[]): FlowDelta {
  const useIds = before.length + after.length > 0 && before.every(hasIds) && after.every(hasIds);
  const was = indexSide(before, useIds);
  const now = indexSide(after, useIds);
  let unchanged = 0;
  for (const key of now.keys()) if (was.has(key)) unchanged += 1;
  const groups = new Map<string, Group>();
  groupLeftovers(
    [...was].filter(([key]) => !now.has(key)).map(([, flow]) => flow),
    useIds,
    groups,
    'before',
  );
  groupLeftovers(
    [...now].filter(([key]) => !was.has(key)).map(([, flow]) => flow),
    useIds,
    groups,
    'after',
  );
  const added: DeltaEntry[] = [];
  const removed: DeltaEntry[] = [];
  const changed: DeltaEntry[] = [];
  for (const group of groups.values()) {
    if (group.before.length > 0 && group.after.length > 0)
      changed.push(entry('changed', group.before, group.after));
    else {
      for (const flow of group.after) added.push(entry('added', [], [flow]));
      for (const flow of group.before) removed.push(entry('removed', [flow], []));
    }
  }
  return {
    added: added.sort(compareEntries),
    removed: removed.sort(compareEntries),
    changed: changed.sort(compareEntries),
    unchanged,
    matchedBy: useIds ? 'names-and-ids' : 'names',
  };
}

/**
 * Every entry of a delta in file order: added, then removed, then changed.
 *
 * @param delta - A result of {@link compareFlows}.
 * @returns The entries as the CSV and the "Changes" sheet list them.
 * @example
 * deltaEntries(delta).map((e) => e.change); // ['added', 'added', 'removed', 'changed']
 */
export function deltaEntries(delta: FlowDelta): DeltaEntry[] {
  return DELTA_CHANGES.flatMap((change) => delta[change]);
}

/**
 * What a delta means for each link the entries name (by id): `added` or `removed` when all its
 * entries are, `changed` otherwise. Links without an entry are unchanged. For the canvas colouring.
 *
 * @param delta - A result of {@link compareFlows}.
 * @returns The change per link id; entries without a link id (from a workbook only) are left out.
 * @example
 * linkChanges(delta).get('l1'); // 'added'
 */
export function linkChanges(delta: FlowDelta): Map<string, DeltaChange> {
  const out = new Map<string, DeltaChange>();
  for (const e of deltaEntries(delta)) {
    if (e.linkId === undefined) continue;
    const known = out.get(e.linkId);
    out.set(e.linkId, known === undefined || known === e.change ? e.change : 'changed');
  }
  return out;
}

/**
 * A port list as a cell writes it: `80, 443, 49152-65535`.
 *
 * @param ports - Ports of a delta entry.
 * @returns The ports joined by `, `; empty for none.
 * @example
 * portsText([{ kind: 'single', port: 80 }, { kind: 'range', from: 1024, to: 5000 }]); // '80, 1024-5000'
 */
export function portsText(ports: readonly FlowPort[]): string {
  return ports.map(formatPort).join(', ');
}
