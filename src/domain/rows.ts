import type { Catalogue } from './catalogue-types';
import type { Host, TopologyDocument } from './document';
import { type Flow, formatPort } from './flow';

/**
 * One row of the flow matrix: what the panel shows and what CSV, JSON and the workbook write, in
 * the same order. Ports are numbers where they are one port, `lo-hi` text for a range.
 */
export interface FlowRow {
  /** Stable within one derivation: F-0001, F-0002, … in matrix order. */
  readonly id: string;
  readonly source: string;
  readonly sourceAddress: string;
  readonly sourceSite: string;
  readonly sourceZone: string;
  readonly sourceRoles: string;
  readonly target: string;
  readonly targetAddress: string;
  readonly targetSite: string;
  readonly targetZone: string;
  readonly targetRoles: string;
  readonly protocol: 'TCP' | 'UDP';
  readonly port: number | string;
  readonly service: string;
  readonly direction: string;
  readonly configurable: boolean;
  readonly notes: string;
  /** Section anchors, `;`-separated where flows merged. */
  readonly section: string;
  /** Link to the first section of the published document. */
  readonly sectionUrl: string;
  readonly justification: string;
  /** Not a column: the service class id, for colour. */
  readonly serviceId: string;
  /** Not a column: the link the flow travels on, to select it on the canvas. */
  readonly linkId: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** Not a column: RPC dynamic range (note 6). */
  readonly highRisk: boolean;
}

export type FlowColumnKey = Exclude<
  keyof FlowRow,
  'serviceId' | 'linkId' | 'sourceId' | 'targetId' | 'highRisk' | 'sectionUrl'
>;

export interface FlowColumn {
  readonly key: FlowColumnKey;
  readonly header: string;
  /** Width in characters for the workbook; the panel scales it. */
  readonly width: number;
}

/** The matrix columns, in order, shared by the panel, CSV, JSON and the workbook. */
export const FLOW_COLUMNS: readonly FlowColumn[] = [
  { key: 'id', header: 'Rule', width: 8 },
  { key: 'source', header: 'Source host', width: 18 },
  { key: 'sourceAddress', header: 'Source FQDN/IP', width: 24 },
  { key: 'sourceSite', header: 'Source site', width: 8 },
  { key: 'sourceZone', header: 'Source zone', width: 12 },
  { key: 'sourceRoles', header: 'Source role(s)', width: 28 },
  { key: 'target', header: 'Destination host', width: 18 },
  { key: 'targetAddress', header: 'Destination FQDN/IP', width: 24 },
  { key: 'targetSite', header: 'Destination site', width: 8 },
  { key: 'targetZone', header: 'Destination zone', width: 12 },
  { key: 'targetRoles', header: 'Destination role(s)', width: 28 },
  { key: 'protocol', header: 'Protocol', width: 9 },
  { key: 'port', header: 'Port', width: 12 },
  { key: 'service', header: 'Service', width: 22 },
  { key: 'direction', header: 'Direction', width: 20 },
  { key: 'configurable', header: 'Configurable', width: 12 },
  { key: 'notes', header: 'Notes', width: 40 },
  { key: 'section', header: 'Document section', width: 36 },
  { key: 'justification', header: 'Justification', width: 70 },
];

export const DIRECTION_ONE_WAY = 'one-way';
export const DIRECTION_BOTH = 'initiated from both sides';

/** Where the document's section lives on the web (anchors are lower case there). */
export function sectionUrl(catalogue: Catalogue, anchor: string): string {
  return `${catalogue.source.url}#${anchor.toLowerCase()}`;
}

function address(host: Host | undefined): string {
  if (!host) return '';
  return [host.fqdn, host.ip].filter((v) => v !== undefined && v !== '').join(' / ');
}

function roleNames(ids: readonly string[], catalogue: Catalogue): string {
  return ids.map((id) => catalogue.roleById.get(id)?.name ?? id).join(', ');
}

function notesText(flow: Flow, catalogue: Catalogue): string {
  const parts: string[] = [];
  if (flow.dynamic)
    parts.push(`HIGH RISK: RPC dynamic range ${formatPort(flow.port)} (note 6); narrow it with rpccfg.exe`);
  for (const n of [...flow.notes].sort((a, b) => a - b)) {
    if (n === 6 && flow.dynamic) continue;
    const note = catalogue.noteByNumber.get(n);
    parts.push(note ? `Note ${n}: ${note.title}` : `Note ${n}`);
  }
  return parts.join('; ');
}

function justification(flow: Flow, source: string, target: string, catalogue: Catalogue): string {
  const from = roleNames(flow.initiatorRoles, catalogue);
  const to = roleNames(flow.responderRoles, catalogue);
  const what = flow.descriptions.join('; ');
  const service = catalogue.serviceById.get(flow.service)?.name ?? flow.service;
  return `${source} (${from}) opens ${flow.protocol} ${formatPort(flow.port)} on ${target} (${to}) for ${what} [${service}], as the port document lists in ${flow.sections.join(', ')}.`;
}

/**
 * Turns derived flows into matrix rows. Pure; the one function behind the panel, CSV, JSON and
 * the workbook, so all of them show the same rows in the same order.
 */
export function flowsToRows(
  flows: readonly Flow[],
  document: Pick<TopologyDocument, 'hosts' | 'zones'>,
  catalogue: Catalogue,
): FlowRow[] {
  const hostById = new Map(document.hosts.map((h) => [h.id, h]));
  const zoneName = new Map(document.zones.map((z) => [z.id, z.name]));
  const width = Math.max(4, String(flows.length).length);
  return flows.map((flow, i) => {
    const s = hostById.get(flow.initiator);
    const t = hostById.get(flow.responder);
    const source = s?.name ?? flow.initiator;
    const target = t?.name ?? flow.responder;
    return {
      id: `F-${String(i + 1).padStart(width, '0')}`,
      source,
      sourceAddress: address(s),
      sourceSite: s?.site ?? '',
      sourceZone: (s?.zone && zoneName.get(s.zone)) || '',
      sourceRoles: roleNames(flow.initiatorRoles, catalogue),
      target,
      targetAddress: address(t),
      targetSite: t?.site ?? '',
      targetZone: (t?.zone && zoneName.get(t.zone)) || '',
      targetRoles: roleNames(flow.responderRoles, catalogue),
      protocol: flow.protocol,
      port: flow.port.kind === 'single' ? flow.port.port : formatPort(flow.port),
      service: catalogue.serviceById.get(flow.service)?.name ?? flow.service,
      direction: flow.bothInitiate ? DIRECTION_BOTH : DIRECTION_ONE_WAY,
      configurable: flow.configurable,
      notes: notesText(flow, catalogue),
      section: flow.sections.join(';'),
      sectionUrl: sectionUrl(catalogue, flow.sections[0] ?? ''),
      justification: justification(flow, source, target, catalogue),
      serviceId: flow.service,
      linkId: flow.linkId,
      sourceId: flow.initiator,
      targetId: flow.responder,
      highRisk: flow.dynamic,
    };
  });
}

/** A cell's text as the panel and CSV show it. */
export function cellText(row: FlowRow, key: FlowColumnKey): string {
  const value = row[key];
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
