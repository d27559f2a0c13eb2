/**
 * What switching a diagram to another edition of the port document changes: the flows each link
 * gains, loses and carries differently, and the hosts whose roles the new edition retired. Data,
 * and its summary as messages the app puts into words.
 */
import type { Catalogue, EditionId, RoleId } from './catalogue-types';
import { deriveFlows } from './derive';
import type { DocumentContent } from './document';
import { type Flow, formatPort } from './flow';
import { type Message, message } from './message';
import { settingsForEdition } from './settings';

/** A flow that both editions derive with the same hosts, protocol and port but from other rules. */
export interface ChangedFlow {
  readonly before: Flow;
  readonly after: Flow;
}

/** The changes on one link, in matrix order. */
export interface LinkEditionChange {
  readonly linkId: string;
  /** Host ids and names of the link's ends, as drawn. */
  readonly source: string;
  readonly sourceName: string;
  readonly target: string;
  readonly targetName: string;
  readonly added: readonly Flow[];
  readonly removed: readonly Flow[];
  readonly changed: readonly ChangedFlow[];
}

/** A host that holds roles the new edition retired: it keeps them, but they derive no flow. */
export interface RetiredRoleHolder {
  readonly hostId: string;
  readonly hostName: string;
  readonly roles: readonly RoleId[];
}

export interface EditionChange {
  readonly from: EditionId;
  readonly to: EditionId;
  /** Links whose flows change, in link order; links without a change are left out. */
  readonly links: readonly LinkEditionChange[];
  /** Totals over all links. */
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly retired: readonly RetiredRoleHolder[];
  /** Port settings the new edition adds (at their defaults) and those it drops, by key. */
  readonly settingsAdded: readonly string[];
  readonly settingsDropped: readonly string[];
}

/** Hosts, protocol and port: what a firewall rule is made of, and so what "the same flow" means. */
function keyOf(flow: Flow): string {
  return `${flow.initiator}\u0000${flow.responder}\u0000${flow.protocol}\u0000${formatPort(flow.port)}`;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The same firewall rule derived for the same reasons (sections, services, notes, who opens it). */
function sameReasons(a: Flow, b: Flow): boolean {
  return (
    sameList(a.sections, b.sections) &&
    sameList(a.services, b.services) &&
    sameList(a.notes, b.notes) &&
    sameList(a.descriptions, b.descriptions) &&
    a.bothInitiate === b.bothInitiate &&
    a.configurable === b.configurable
  );
}

function byLink(flows: readonly Flow[]): Map<string, Map<string, Flow>> {
  const out = new Map<string, Map<string, Flow>>();
  for (const flow of flows) {
    let link = out.get(flow.linkId);
    if (!link) {
      link = new Map();
      out.set(flow.linkId, link);
    }
    link.set(keyOf(flow), flow);
  }
  return out;
}

/**
 * Compares the flows of a document under two editions. The document is derived with `from` as it
 * is and with `to` after its settings are moved there ({@link settingsForEdition}), which is what
 * switching does; nothing else of the document changes.
 *
 * @param document - The diagram (hosts, links, settings); positions are not read.
 * @param from - The catalogue of the edition in force.
 * @param to - The catalogue of the edition to switch to.
 * @returns Per link the flows added, removed and changed (same hosts, protocol and port, other
 *   sections or notes), the totals, the hosts holding roles `to` retired, and the port settings
 *   `to` adds and drops.
 * @example
 * const change = editionChange(doc, loadEdition('2018-de'), loadEdition('current'));
 * change.links[0].added.map((f) => formatPort(f.port)); // ['8005'] for a client linked to a DP
 */
export function editionChange(
  document: Pick<DocumentContent, 'hosts' | 'links' | 'settings'>,
  from: Catalogue,
  to: Catalogue,
): EditionChange {
  const { hosts, links } = document;
  const before = byLink(deriveFlows({ hosts, links, settings: document.settings }, from).flows);
  const settings = settingsForEdition(document.settings, to);
  const after = byLink(deriveFlows({ hosts, links, settings }, to).flows);
  const names = new Map(hosts.map((h) => [h.id, h.name]));
  const changes: LinkEditionChange[] = [];
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const link of links) {
    const old = before.get(link.id) ?? new Map<string, Flow>();
    const now = after.get(link.id) ?? new Map<string, Flow>();
    const linkAdded: Flow[] = [];
    const linkChanged: ChangedFlow[] = [];
    for (const [key, flow] of now) {
      const was = old.get(key);
      if (!was) linkAdded.push(flow);
      else if (!sameReasons(was, flow)) linkChanged.push({ before: was, after: flow });
    }
    const linkRemoved = [...old].filter(([key]) => !now.has(key)).map(([, flow]) => flow);
    if (linkAdded.length + linkRemoved.length + linkChanged.length === 0) continue;
    added += linkAdded.length;
    removed += linkRemoved.length;
    changed += linkChanged.length;
    changes.push({
      linkId: link.id,
      source: link.source,
      sourceName: names.get(link.source) ?? link.source,
      target: link.target,
      targetName: names.get(link.target) ?? link.target,
      added: linkAdded,
      removed: linkRemoved,
      changed: linkChanged,
    });
  }
  const retired: RetiredRoleHolder[] = [];
  for (const host of hosts) {
    const roles = host.roles.filter((r) => to.roleById.get(r)?.retired !== undefined);
    if (roles.length > 0) retired.push({ hostId: host.id, hostName: host.name, roles });
  }
  const oldKeys = new Set(Object.keys(document.settings.ports));
  const newKeys = new Set(Object.keys(settings.ports));
  return {
    from: from.edition.id,
    to: to.edition.id,
    links: changes,
    added,
    removed,
    changed,
    retired,
    settingsAdded: [...newKeys].filter((k) => !oldKeys.has(k)),
    settingsDropped: [...oldKeys].filter((k) => !newKeys.has(k)),
  };
}

/**
 * The sentences that sum a change up, for the dialog that asks before switching: the flows added,
 * removed and changed over how many links (or that nothing changes), and how many hosts hold roles
 * the new edition retired.
 *
 * @param change - What {@link editionChange} found.
 * @returns One or two messages (`toolbar:editionChange.*`), in reading order.
 * @example
 * editionChangeSummary(change);
 * // [{ key: 'toolbar:editionChange.summary', params: { count: 1, removed: 2, changed: 0, links: … } }]
 */
export function editionChangeSummary(change: EditionChange): Message[] {
  const nothing = change.links.length === 0 && change.retired.length === 0;
  const out: Message[] = [
    nothing
      ? message('toolbar:editionChange.same')
      : message('toolbar:editionChange.summary', {
          count: change.added,
          removed: change.removed,
          changed: change.changed,
          links: { message: message('toolbar:editionChange.links', { count: change.links.length }) },
        }),
  ];
  if (change.retired.length > 0) {
    out.push(message('toolbar:editionChange.retired', { count: change.retired.length }));
  }
  return out;
}
