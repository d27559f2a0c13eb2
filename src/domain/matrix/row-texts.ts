import type { Catalogue } from '../catalogue-types';
import type { Host, TopologyDocument } from '../document';
import { type Flow, formatPort } from '../flow';
import { crossesZone, knownZone } from '../zones/crossing';

function address(host: Host | undefined): string {
  if (!host) return '';
  return [host.fqdn, host.ip].filter((v) => v !== undefined && v !== '').join(' / ');
}

/**
 * The texts a row is made of, for one document and catalogue: host facts by host id and the
 * texts of a flow's shared parts, each made once per distinct value (flows are views of few
 * contents, so their role lists, notes and sections are the same arrays).
 */
export interface RowTexts {
  readonly catalogue: Catalogue;
  /** Whether the document has a host of this id. */
  has(id: string): boolean;
  /** A host's name, address, site and zone name ('' when absent; the id stands in for a missing host's name). */
  host(id: string): {
    readonly name: string;
    readonly address: string;
    readonly site: string;
    readonly zone: string;
    /** The id of the host's zone, '' when it has none the document knows. */
    readonly zoneId: string;
  };
  /** Whether a flow between these hosts crosses a zone boundary (`crossesZone`). */
  crosses(sourceId: string, targetId: string): boolean;
  roles(ids: readonly string[]): string;
  notes(flow: Flow): string;
  service(id: string): string;
  /** The justification between the source name and the target name. */
  middle(flow: Flow): string;
  /** The justification after the target name. */
  tail(flow: Flow): string;
}

/**
 * Makes the {@link RowTexts} of a document: the one place rows and their compact columns get text.
 *
 * @param document - The hosts and zones the flows refer to.
 * @param catalogue - Role, service and note names and the document's address.
 * @returns Text makers, caching per host and per shared flow part.
 * @example
 * const texts = createRowTexts(document, catalogue);
 * texts.host(flows[0].initiator).name; // 'P01-SITE'
 */
export function createRowTexts(
  document: Pick<TopologyDocument, 'hosts' | 'zones'>,
  catalogue: Catalogue,
): RowTexts {
  const hostById = new Map(document.hosts.map((h) => [h.id, h]));
  const zonesById = new Map(document.zones.map((z) => [z.id, z]));
  const hostFacts = new Map<string, ReturnType<RowTexts['host']>>();
  const roleText = new WeakMap<readonly string[], string>();
  const notesByList = new WeakMap<readonly number[], string>();
  const sectionList = new WeakMap<readonly string[], string>();
  const texts: RowTexts = {
    catalogue,
    has: (id) => hostById.has(id),
    host(id) {
      let facts = hostFacts.get(id);
      if (!facts) {
        const h = hostById.get(id);
        const zoneId = knownZone(h, zonesById);
        const zone = (zoneId !== '' && zonesById.get(zoneId)?.name) || '';
        facts = { name: h?.name ?? id, address: address(h), site: h?.site ?? '', zone, zoneId };
        hostFacts.set(id, facts);
      }
      return facts;
    },
    crosses: (sourceId, targetId) => crossesZone(hostById.get(sourceId), hostById.get(targetId), zonesById),
    roles(ids) {
      let text = roleText.get(ids);
      if (text === undefined) {
        text = ids.map((id) => catalogue.roleById.get(id)?.name ?? id).join(', ');
        roleText.set(ids, text);
      }
      return text;
    },
    notes(flow) {
      // The dynamic range's note names the port, so only the others can share a text.
      if (flow.dynamic) return notesText(flow, catalogue);
      let text = notesByList.get(flow.notes);
      if (text === undefined) {
        text = notesText(flow, catalogue);
        notesByList.set(flow.notes, text);
      }
      return text;
    },
    service: (id) => catalogue.serviceById.get(id)?.name ?? id,
    middle: (flow) =>
      ` (${texts.roles(flow.initiatorRoles)}) opens ${flow.protocol} ${formatPort(flow.port)} on `,
    tail(flow) {
      let sections = sectionList.get(flow.sections);
      if (sections === undefined) {
        sections = flow.sections.join(', ');
        sectionList.set(flow.sections, sections);
      }
      const what = flow.descriptions.join('; ');
      return ` (${texts.roles(flow.responderRoles)}) for ${what} [${texts.service(flow.service)}], as the port document lists in ${sections}.`;
    },
  };
  return texts;
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
