import type { RoleId } from '../catalogue-types';
import { type Message, type MessageParam, message } from '../message';

/**
 * Types of the hierarchy checks: what a check reports and how a one-click fix is described.
 * A finding carries ids only (hosts, links); names are looked up when it is shown.
 */

/** `error`: the hierarchy cannot work as drawn; `warning`: likely incomplete; `info`: a choice in force. */
export type Severity = 'error' | 'warning' | 'info';

/** Display and exit-code order: errors first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Stable ids of the checks; a finding's `id` is its check id plus the hosts or links it concerns. */
export type CheckId =
  | 'missing-site-database'
  | 'database-link-missing'
  | 'site-without-site-server'
  | 'site-server-link-missing'
  | 'site-code-missing'
  | 'duplicate-site-server'
  | 'client-management-point-missing'
  | 'client-distribution-point-missing'
  | 'update-point-upstream-missing'
  | 'pxe-point-unreachable'
  | 'console-provider-missing'
  | 'peer-missing'
  | 'secondary-parent-missing'
  | 'primary-parent-missing'
  | 'cas-without-primaries'
  | 'site-to-site-link-missing'
  | 'database-replication-link-missing'
  | 'empty-link'
  | 'duplicate-host-name'
  | 'invalid-ip'
  | 'duplicate-ip'
  | 'unknown-role'
  | 'host-without-roles'
  | 'wsus-ports'
  | 'rpc-dynamic-range'
  | 'site-system-direction'
  | 'custom-ports'
  | 'site-installation-ports'
  | 'pxe-tftp-reply'
  | 'retired-role'
  | 'host-without-ip'
  | 'flow-blocked';

/**
 * A required connection that is not drawn. The canvas draws it as a dashed ghost link: between two
 * hosts, or from a host to a placeholder when no host holds the peer role at all.
 */
export type Ghost =
  | { readonly source: string; readonly target: string }
  | { readonly source: string; readonly missingRole: RoleId };

/** One change to the document that removes a finding; `label` is the button text (a `checks:fix.*` message). */
export type Fix =
  | { readonly kind: 'add-link'; readonly source: string; readonly target: string; readonly label: Message }
  | { readonly kind: 'add-role'; readonly host: string; readonly role: RoleId; readonly label: Message }
  | {
      readonly kind: 'add-host';
      readonly role: RoleId;
      /** Suggested name; `applyFix` makes it unique. */
      readonly name: string;
      readonly site?: string;
      /** Hosts the new host is linked to (and placed near). */
      readonly linkTo: readonly string[];
      readonly label: Message;
    };

export interface Finding {
  /** Stable across runs for the same document, e.g. `missing-site-database:site`. */
  readonly id: string;
  readonly check: CheckId;
  readonly severity: Severity;
  /** What to say, as a `checks:*` message naming hosts by name; put into words where it is shown. */
  readonly message: Message;
  /** Ids of the hosts concerned, the first being the one to select. */
  readonly hosts: readonly string[];
  /** Ids of the links concerned. */
  readonly links: readonly string[];
  /** The document sections (anchors) the finding rests on, for the citation. */
  readonly sections?: readonly string[];
  readonly ghost?: Ghost;
  readonly fix?: Fix;
}

/**
 * Type guard: a ghost that ends at a placeholder for a role no host holds.
 *
 * @param ghost - A ghost link of a finding.
 * @returns Whether it names a missing role rather than a target host.
 * @example
 * finding.ghosts?.filter(isRoleGhost).map((g) => g.missingRole); // ['management-point']
 */
export function isRoleGhost(
  ghost: Ghost,
): ghost is { readonly source: string; readonly missingRole: RoleId } {
  return 'missingRole' in ghost;
}

/** Compares two strings by code unit, as `Array.prototype.sort` would. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function paramText(value: MessageParam): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('role' in value) return value.role;
  if ('message' in value) return messageText(value.message);
  // Catalogue words sort by what names them (the same in every language).
  if ('setting' in value) return value.setting;
  if ('retiredReason' in value) return value.retiredReason;
  if ('editionTitle' in value) return '';
  let out = '';
  value.list.forEach((item, i) => {
    out += i === 0 ? paramText(item) : `\u0001${paramText(item)}`;
  });
  return out;
}

/**
 * A message as a sort key in no language: its key, then its values in the order they were given,
 * joined by U+0000 (one string built, no arrays).
 *
 * @param message - A finding's message.
 * @returns The key `compareFindings` orders messages by.
 * @example
 * messageText(message('checks:hostWithoutIp', { host: 'MP01' })); // 'checks:hostWithoutIp\u0000MP01'
 */
export function messageText(message: Message): string {
  let out = message.key;
  const params = message.params;
  if (params !== undefined)
    for (const name in params) out += `\u0000${paramText(params[name] as MessageParam)}`;
  return out;
}

/** Severity ranks, as `SEVERITIES` orders them. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Orders findings by severity, then message (its key, then its values: findings of one kind stay
 * together, in the order of the hosts they name), then id. The order is the same in every language,
 * so the incremental checker's merged lists stay sorted whatever the reader's language.
 *
 * @param a - One finding.
 * @param b - The other finding.
 * @returns A negative number when `a` comes first, positive when `b` does.
 * @example
 * [...findings].sort(compareFindings); // errors first
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(messageText(a.message), messageText(b.message)) ||
    compareText(a.id, b.id)
  );
}

/**
 * Findings sorted by `compareFindings`, each message's sort key made once (a large estate has
 * thousands of findings).
 *
 * @param findings - Findings in any order.
 * @returns A new sorted array.
 * @example
 * sortedByCompare(findings)[0]?.severity; // 'error' when there is one
 */
export function sortedByCompare(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding) => ({ finding, text: messageText(finding.message) }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
        compareText(a.text, b.text) ||
        compareText(a.finding.id, b.finding.id),
    )
    .map((k) => k.finding);
}

/**
 * Counts findings per severity.
 *
 * @param findings - Findings of a run.
 * @returns The number of errors, warnings and infos.
 * @example
 * countFindings(runChecks(document, catalogue)); // { error: 0, warning: 2, info: 3 }
 */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * Counts per severity as one message, for the Problems panel and the CLI.
 *
 * @param counts - The counts of `countFindings`.
 * @returns A message that says "2 errors, 1 warning, 4 infos" (plural per count).
 * @example
 * countsMessage({ error: 2, warning: 1, info: 4 });
 */
export function countsMessage(counts: Readonly<Record<Severity, number>>): Message {
  return message('checks:counts.summary', {
    errors: { message: message('checks:counts.errors', { count: counts.error }) },
    warnings: { message: message('checks:counts.warnings', { count: counts.warning }) },
    infos: { message: message('checks:counts.infos', { count: counts.info }) },
  });
}
