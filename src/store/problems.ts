/** The checks' findings in the shapes the canvas and the panels draw: statuses, ghost links and placeholders. */
import type { RoleId } from '@/domain/catalogue-types';
import { countFindings, type Finding, isRoleGhost, SEVERITIES, type Severity } from '@/domain/checks/finding';
import type { Host } from '@/domain/document';
import type { HostLookup } from './host-lookup';

/** How a host or link with problems looks: errors win over warnings; infos do not colour anything. */
export type StatusLevel = 'warning' | 'error';

/** The error and warning findings that concern one host or link, for its badge, outline and inspector. */
export interface ElementStatus {
  readonly level: StatusLevel;
  /** The findings' messages, errors first (said in the reader's language where shown). */
  readonly messages: readonly Finding['message'][];
  /** How many error and warning findings concern it (the number on the badge). */
  readonly count: number;
  readonly errors: number;
  readonly warnings: number;
}

/** A required connection that is not drawn, as the canvas draws it: a dashed line between two nodes. */
export interface GhostLink {
  /** `ghost:` plus the id of the finding that asks for it. */
  readonly id: string;
  readonly findingId: string;
  readonly source: string;
  /** A host id, or the id of a {@link MissingRolePlaceholder}. */
  readonly target: string;
  readonly severity: Severity;
  readonly message: Finding['message'];
}

/** A stand-in for a role no host holds, drawn near the hosts that need it. Never part of the document. */
export interface MissingRolePlaceholder {
  /** `missing:<role>` plus the site of the hosts that need it. */
  readonly id: string;
  readonly role: RoleId;
  /** Hosts whose ghost links end at the placeholder. */
  readonly sources: readonly string[];
  readonly severity: Severity;
}

/** Everything the checks say about the document, in the shapes the canvas and the panels draw. */
export interface Problems {
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Severity, number>>;
  readonly hosts: ReadonlyMap<string, ElementStatus>;
  readonly links: ReadonlyMap<string, ElementStatus>;
  readonly ghosts: readonly GhostLink[];
  readonly placeholders: readonly MissingRolePlaceholder[];
}

/** Placeholder ids start with this; no host id can (ids the document uses are plain words). */
export const PLACEHOLDER_PREFIX = 'missing:';

/** Whether `status` says exactly these messages (the same message objects, in order). */
function says(
  status: ElementStatus,
  errors: readonly Finding['message'][],
  warnings: readonly Finding['message'][],
) {
  if (status.errors !== errors.length || status.warnings !== warnings.length) return false;
  for (let i = 0; i < errors.length; i += 1) if (status.messages[i] !== errors[i]) return false;
  for (let i = 0; i < warnings.length; i += 1)
    if (status.messages[errors.length + i] !== warnings[i]) return false;
  return true;
}

interface Said {
  errors: Finding['message'][];
  warnings: Finding['message'][];
  /** The last finding counted (a finding that names an id twice counts once). */
  last: Finding | undefined;
}

/** The messages of the error and warning findings naming each id (all ids, or only those in `only`). */
function collect(
  findings: readonly Finding[],
  key: 'hosts' | 'links',
  only?: ReadonlySet<string>,
): Map<string, Said> {
  const collected = new Map<string, Said>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    for (const id of f[key]) {
      if (only && !only.has(id)) continue;
      let entry = collected.get(id);
      if (!entry) {
        entry = { errors: [], warnings: [], last: undefined };
        collected.set(id, entry);
      } else if (entry.last === f) continue;
      entry.last = f;
      (f.severity === 'error' ? entry.errors : entry.warnings).push(f.message);
    }
  }
  return collected;
}

/** The status saying `said`: `old` itself when it says the same. */
function statusOf({ errors, warnings }: Said, old: ElementStatus | undefined): ElementStatus {
  if (old && says(old, errors, warnings)) return old;
  return {
    level: errors.length > 0 ? 'error' : 'warning',
    messages: [...errors, ...warnings],
    count: errors.length + warnings.length,
    errors: errors.length,
    warnings: warnings.length,
  };
}

/** Ids named by error and warning findings in `a` that are not in `b` (the same objects), added to `out`. */
function namedByMissing(
  a: readonly Finding[],
  b: ReadonlySet<Finding>,
  key: 'hosts' | 'links',
  out: Set<string>,
): void {
  for (const f of a) if (f.severity !== 'info' && !b.has(f)) for (const id of f[key]) out.add(id);
}

/** Whether the findings `a` and `b` share (in `inA` and `inB`) come in the same order in both. */
function sameOrder(
  a: readonly Finding[],
  b: readonly Finding[],
  inA: ReadonlySet<Finding>,
  inB: ReadonlySet<Finding>,
): boolean {
  let j = 0;
  for (const f of a) {
    if (!inB.has(f)) continue;
    while (j < b.length && !inA.has(b[j]!)) j += 1;
    if (b[j] !== f) return false;
    j += 1;
  }
  return true;
}

/**
 * Each host's or link's status. Given the `previous` findings and statuses (the checks keep the
 * finding objects of what an edit did not touch), only ids named by findings that came or went are
 * looked at again; nothing changed gives `previous`'s map itself, and a status that says what it
 * said is that same object, so the canvas keeps its node.
 */
function statusesOf(
  findings: readonly Finding[],
  key: 'hosts' | 'links',
  previous?: { findings: readonly Finding[]; statuses: ReadonlyMap<string, ElementStatus> },
): ReadonlyMap<string, ElementStatus> {
  if (!previous) {
    const out = new Map<string, ElementStatus>();
    for (const [id, said] of collect(findings, key)) out.set(id, statusOf(said, undefined));
    return out;
  }
  const before = new Set(previous.findings);
  const after = new Set(findings);
  // Messages are in findings order: findings both have must be in the same order in both.
  if (!sameOrder(previous.findings, findings, before, after)) return statusesOf(findings, key);
  const changed = new Set<string>();
  namedByMissing(findings, before, key, changed);
  namedByMissing(previous.findings, after, key, changed);
  if (changed.size === 0) return previous.statuses;
  const said = collect(findings, key, changed);
  const out = new Map(previous.statuses);
  for (const id of changed) {
    const now = said.get(id);
    if (now) out.set(id, statusOf(now, previous.statuses.get(id)));
    else out.delete(id);
  }
  return out;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]!));
}

const sameGhost = (a: GhostLink, b: GhostLink) =>
  a.id === b.id &&
  a.source === b.source &&
  a.target === b.target &&
  a.severity === b.severity &&
  a.message === b.message;

const samePlaceholder = (a: MissingRolePlaceholder, b: MissingRolePlaceholder) =>
  a.id === b.id &&
  a.role === b.role &&
  a.severity === b.severity &&
  sameList(a.sources, b.sources, (x, y) => x === y);

/** The hosts ghosts name, by id: a map of every host cost more than the rest at 10,000 hosts. */
function ghostHosts(findings: readonly Finding[], hosts: readonly Host[]): ReadonlyMap<string, Host> {
  const named = new Set<string>();
  for (const f of findings) {
    if (!f.ghost) continue;
    named.add(f.ghost.source);
    if (!isRoleGhost(f.ghost)) named.add(f.ghost.target);
  }
  const hostById = new Map<string, Host>();
  for (const h of hosts) if (named.has(h.id)) hostById.set(h.id, h);
  return hostById;
}

/**
 * Shapes findings for the screen: per-host and per-link statuses (errors and warnings), one ghost
 * line per missing connection, and one placeholder per missing role and site, which every host of
 * that site that lacks the role points at. Statuses unchanged since `previous` are its objects.
 * `hosts` may be a lookup kept across edits (no walk over every host).
 */
export function problemsOf(
  findings: readonly Finding[],
  hosts: readonly Host[] | HostLookup,
  previous?: Problems,
): Problems {
  const hostById = 'positions' in hosts ? hosts : ghostHosts(findings, hosts);
  const ghosts = new Map<string, GhostLink>();
  const placeholders = new Map<string, { role: RoleId; sources: string[]; severity: Severity }>();
  for (const f of findings) {
    const ghost = f.ghost;
    if (!ghost || !hostById.get(ghost.source)) continue;
    let target: string;
    if (isRoleGhost(ghost)) {
      const site = hostById.get(ghost.source)?.site ?? '';
      target = `${PLACEHOLDER_PREFIX}${ghost.missingRole}${site ? `@${site}` : ''}`;
      const p = placeholders.get(target);
      if (!p)
        placeholders.set(target, { role: ghost.missingRole, sources: [ghost.source], severity: f.severity });
      else {
        if (!p.sources.includes(ghost.source)) p.sources.push(ghost.source);
        if (rank(f.severity) < rank(p.severity)) p.severity = f.severity;
      }
    } else {
      if (!hostById.get(ghost.target) || ghost.target === ghost.source) continue;
      target = ghost.target;
    }
    // One line per pair of ends, in the colour of the worst finding that asks for it.
    const pair = [ghost.source, target].sort().join('\u0000');
    const old = ghosts.get(pair);
    if (old && rank(old.severity) <= rank(f.severity)) continue;
    ghosts.set(pair, {
      id: `ghost:${f.id}`,
      findingId: f.id,
      source: ghost.source,
      target,
      severity: f.severity,
      message: f.message,
    });
  }
  const ghostList = [...ghosts.values()];
  const placeholderList = [...placeholders].map(([id, p]) => ({ id, ...p }));
  return {
    findings,
    counts: countFindings(findings),
    hosts: statusesOf(
      findings,
      'hosts',
      previous && { findings: previous.findings, statuses: previous.hosts },
    ),
    links: statusesOf(
      findings,
      'links',
      previous && { findings: previous.findings, statuses: previous.links },
    ),
    // The same lists as before when equal: the canvas then re-places no placeholder.
    ghosts: previous && sameList(previous.ghosts, ghostList, sameGhost) ? previous.ghosts : ghostList,
    placeholders:
      previous && sameList(previous.placeholders, placeholderList, samePlaceholder)
        ? previous.placeholders
        : placeholderList,
  };
}

/** The placeholder a finding's ghost ends at, if it ends at one. */
export function placeholderOf(problems: Problems, finding: Finding): string | undefined {
  return problems.ghosts.find((g) => g.findingId === finding.id && g.target.startsWith(PLACEHOLDER_PREFIX))
    ?.target;
}
