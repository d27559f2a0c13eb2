import type { Host } from '../document';
import type { State } from './checker-state';
import type { CheckContext } from './context';
import { ESTATE_FAMILIES, estateEdit } from './estate-families';
import { type HostSets, reuseEstate } from './estate-reuse';
import type { Finding } from './finding';
import { patchSorted, sortedFindings } from './sorted-findings';

const NONE: readonly Finding[] = [];

/** What the incremental checker tells the estate-wide checks of an edit. */
export interface EstateChange {
  /** The hosts the edit removed and added (a replaced host is in both). */
  readonly hosts: { readonly removed: readonly Host[]; readonly added: readonly Host[] };
  /** The hosts at the ends of the links it added or removed, as they are now. */
  readonly ends: readonly Host[];
  /** Whether the PXE points of note 4 came, went or were replaced. */
  readonly pxe: boolean;
  /** Whether it only moved hosts (`onlyMoved`) and changed no link. */
  readonly onlyMoved: boolean;
}

/**
 * Runs the estate-wide families an edit may have changed (each whose `reads` says so, or one of
 * whose findings names a host or link the edit changed; all of them without `edit`), keeps the
 * findings they left alike, and patches the sorted estate-wide findings of `state` with those that
 * came and went. A family an edit cannot have changed costs nothing: an edit of one client in a
 * 100,000-host estate runs none of the site, hierarchy and note checks.
 *
 * @param state - The checker's state, with its ledger patched to the edit.
 * @param ctx - The run's context.
 * @param lists - The checker's sets of long host lists.
 * @param edit - What the edit changed; undefined runs every family.
 * @param ids - Ids of the hosts and links the edit replaced, added or removed.
 * @example
 * settleEstate(state, ctx, lists, { hosts, ends, pxe: false, onlyMoved: false }, new Set(['mp01']));
 */
export function settleEstate(
  state: State,
  ctx: CheckContext,
  lists: HostSets,
  edit?: EstateChange,
  ids: ReadonlySet<string> = new Set(),
): void {
  const { settings, results } = ctx.document;
  const { emptyLinks } = ctx.derivation;
  // The flows only matter with test results; without, they are not kept (the last derivation's
  // 1.16 million flows at 100k would stay alive until the next check).
  const flows = results === undefined ? undefined : ctx.derivation.flows;
  const read = { settings, results, flows, emptyLinks, notes: state.ledger.revision };
  const was = state.read;
  state.read = read;
  const gates =
    edit &&
    estateEdit(edit.hosts, edit.ends, {
      settings: settings !== was.settings,
      results: results !== was.results,
      flows: flows !== was.flows,
      emptyLinks: emptyLinks !== was.emptyLinks,
      notes: read.notes !== was.notes || edit.pxe,
    });
  // Hosts only moved, with nothing else read changed: every family is as it was.
  if (
    gates &&
    edit.onlyMoved &&
    !(gates.settings || gates.results || gates.flows || gates.emptyLinks || gates.notes)
  )
    return;
  const stale = new Set<Finding>();
  const fresh: Finding[] = [];
  ESTATE_FAMILIES.forEach((family, i) => {
    const last = state.families[i] ?? NONE;
    if (gates && !family.reads(gates, last) && !lists.named(last, ids)) return;
    const { findings, same } = reuseEstate(last, family.check(ctx));
    if (same) return;
    state.families[i] = findings;
    const now = new Set(findings);
    for (const finding of last) if (!now.has(finding)) stale.add(finding);
    const before = new Set(last);
    for (const finding of findings) if (!before.has(finding)) fresh.push(finding);
  });
  state.estate = patchSorted(state.estate, stale, sortedFindings(fresh));
}
