import type { Catalogue } from '../catalogue-types';
import { lacksIp } from '../checks/host-ip';
import type { Host, TopologyDocument, Zone } from '../document';
import { flowKey } from '../firewall/flow-key';
import { type Flow, formatPort } from '../flow';
import type { FlowCheck } from '../results/import-results';
import { crossesZone, knownZone } from '../zones/crossing';
import { type RowOptions, sectionTitle } from './file-facts';
import { HostIndex } from './host-index';
import type { RowWords } from './row-words';

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
  /** The words the texts are made in (their catalogue names roles, services and notes). */
  readonly words: RowWords;
  /** The catalogue in the words' language. */
  readonly catalogue: Catalogue;
  /** Whether the document has a host of this id. */
  has(id: string): boolean;
  /** The document's host of this id (its facts change only with the record). */
  record(id: string): Host | undefined;
  /** The document's zones: another list may name, place or drop zones. */
  readonly zones: readonly Zone[];
  /** The hosts by id, which the next document's texts build on. */
  readonly hostIndex: HostIndex;
  /** A host's name, address, site and zone name ('' when absent; the id stands in for a missing host's name). */
  host(id: string): {
    readonly name: string;
    readonly address: string;
    readonly site: string;
    readonly zone: string;
    /** The id of the host's zone, '' when it has none the document knows. */
    readonly zoneId: string;
    /** The FQDN and the IP apart ('' when absent), and the zone's address ranges. */
    readonly fqdn: string;
    readonly ip: string;
    /** The host needs an IP and has none (`lacksIp`). */
    readonly ipMissing: boolean;
    readonly zoneCidrs: readonly string[];
  };
  /** The sections' headings as the edition in force writes them, made once per sections list. */
  sectionTitles(sections: readonly string[]): readonly string[];
  /** What an imported test said about a flow (`RowOptions.checks`), `untested` without one. */
  check(flow: Flow): FlowCheck | 'untested';
  /** Whether any test result was given: without, every flow is `untested` and none is looked up. */
  readonly tested: boolean;
  /** Whether a flow between these hosts crosses a zone boundary (`crossesZone`). */
  crosses(sourceId: string, targetId: string): boolean;
  roles(ids: readonly string[]): string;
  notes(flow: Flow): string;
  service(id: string): string;
  /** The direction: one-way, or initiated from both sides. */
  direction(bothInitiate: boolean): string;
  /** The justification between the source name and the target name. */
  middle(flow: Flow): string;
  /** The justification after the target name. */
  tail(flow: Flow): string;
}

/**
 * Makes the {@link RowTexts} of a document: the one place rows and their compact columns get text.
 *
 * @param document - The hosts and zones the flows refer to.
 * @param words - The reader's words (src/i18n's `rowWords(catalogue, language)`): role, service
 *   and note names, rule descriptions, the document's address and the sentences.
 * @param options - Test results to fill the rows' `verified` with ({@link RowOptions}).
 * @param previous - The texts of the document before an edit: its host index is built on.
 * @returns Text makers, caching per host and per shared flow part.
 * @example
 * const texts = createRowTexts(document, rowWords(catalogue, 'en'));
 * texts.host(flows[0].initiator).name; // 'P01-SITE'
 */
export function createRowTexts(
  document: Pick<TopologyDocument, 'hosts' | 'zones'>,
  words: RowWords,
  options: RowOptions = {},
  previous?: RowTexts,
): RowTexts {
  const { catalogue } = words;
  const { checks } = options;
  const titles = new WeakMap<readonly string[], readonly string[]>();
  const hostById = HostIndex.of(document.hosts, previous?.hostIndex);
  const zonesById = new Map(document.zones.map((z) => [z.id, z]));
  const hostFacts = new Map<string, ReturnType<RowTexts['host']>>();
  const roleText = new WeakMap<readonly string[], string>();
  const notesByList = new WeakMap<readonly number[], string>();
  const sectionList = new WeakMap<readonly string[], string>();
  const described = new WeakMap<readonly string[], string>();
  let descriptionById: Map<string, string> | undefined;
  // The rules' descriptions in the words' language, by the flow's rule ids (the engine's texts
  // are the catalogue's English); a rule this catalogue lacks keeps the engine's texts.
  const descriptions = (flow: Flow): string => {
    let text = described.get(flow.ruleIds);
    if (text === undefined) {
      descriptionById ??= new Map(
        [...catalogue.rules, ...catalogue.supplementaryRules].map((r) => [r.id, r.description]),
      );
      const byId = descriptionById;
      const found = flow.ruleIds.map((id) => byId.get(id));
      const list = found.every((d) => d !== undefined) ? [...new Set(found)] : flow.descriptions;
      text = list.join('; ');
      described.set(flow.ruleIds, text);
    }
    return text;
  };
  const texts: RowTexts = {
    words,
    catalogue,
    has: (id) => hostById.has(id),
    record: (id) => hostById.get(id),
    zones: document.zones,
    hostIndex: hostById,
    host(id) {
      let facts = hostFacts.get(id);
      if (!facts) {
        const h = hostById.get(id);
        const zoneId = knownZone(h, zonesById);
        const zone = (zoneId !== '' && zonesById.get(zoneId)?.name) || '';
        facts = {
          name: h?.name ?? id,
          address: address(h),
          site: h?.site ?? '',
          zone,
          zoneId,
          fqdn: h?.fqdn ?? '',
          ip: h?.ip?.trim() ?? '',
          ipMissing: h !== undefined && lacksIp(h, catalogue),
          zoneCidrs: (zoneId !== '' && zonesById.get(zoneId)?.cidrs) || [],
        };
        hostFacts.set(id, facts);
      }
      return facts;
    },
    sectionTitles(sections) {
      let list = titles.get(sections);
      if (list === undefined) {
        list = sections.map((anchor) => sectionTitle(catalogue, anchor));
        titles.set(sections, list);
      }
      return list;
    },
    tested: checks !== undefined && checks.size > 0,
    check: (flow) =>
      checks?.get(
        flowKey({
          linkId: flow.linkId,
          sourceId: flow.initiator,
          targetId: flow.responder,
          protocol: flow.protocol,
          port: flow.port,
        }),
      ) ?? 'untested',
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
      if (flow.dynamic) return notesText(flow, words);
      let text = notesByList.get(flow.notes);
      if (text === undefined) {
        text = notesText(flow, words);
        notesByList.set(flow.notes, text);
      }
      return text;
    },
    service: (id) => catalogue.serviceById.get(id)?.name ?? id,
    direction: (both) => (both ? words.bothWays : words.oneWay),
    middle: (flow) =>
      words.middle({
        sourceRoles: texts.roles(flow.initiatorRoles),
        protocol: flow.protocol,
        port: formatPort(flow.port),
      }),
    tail(flow) {
      let sections = sectionList.get(flow.sections);
      if (sections === undefined) {
        sections = flow.sections.join(', ');
        sectionList.set(flow.sections, sections);
      }
      return words.tail({
        targetRoles: texts.roles(flow.responderRoles),
        descriptions: descriptions(flow),
        service: texts.service(flow.service),
        sections,
      });
    },
  };
  return texts;
}

function notesText(flow: Flow, words: RowWords): string {
  const parts: string[] = [];
  if (flow.dynamic) parts.push(words.highRisk(formatPort(flow.port)));
  for (const n of [...flow.notes].sort((a, b) => a - b)) {
    if (n === 6 && flow.dynamic) continue;
    parts.push(words.note(n, words.catalogue.noteByNumber.get(n)?.title));
  }
  return parts.join('; ');
}
