import type { Catalogue } from '../catalogue-types';
import type { Host, Link, Settings } from '../document';
import { createDeriver, type Deriver } from '../engine/deriver';
import type { LinkFlows } from '../engine/link-flows';
import { HostSigs } from './host-sigs';
import { flowFacts, isRemoteSql } from './link-notes';

/** What a link's flows say for notes 5 and 6. */
export type Facts = ReturnType<typeof flowFacts>;

/**
 * The note facts of links, kept per pair of host kinds (roles and options) for one catalogue and
 * one settings object: a link's flows depend only on its two hosts, so the facts of one link serve
 * every link between alike hosts (the same object, so parts compare by identity).
 */
export class LinkFacts {
  private readonly deriver: Deriver;
  private readonly facts = new Map<number, Facts | undefined>();
  private readonly sigs: HostSigs;

  /**
   * @param catalogue - The catalogue in force.
   * @param settings - The document's settings.
   * @param slots - About how many host slots there are.
   */
  constructor(
    catalogue: Catalogue,
    private readonly settings: Settings,
    slots: number,
  ) {
    this.deriver = createDeriver(catalogue);
    this.sigs = new HostSigs(slots + 16);
  }

  /**
   * The facts of a link between these hosts (in slots `sa` and `sb`), or undefined when such a
   * link adds nothing to the notes (no note-5 or note-6 flow, no remote SQL Server): most links.
   *
   * @param flows - The link's flows as the engine derived them, when known; else the link is
   *   derived alone, once per pair of host kinds.
   */
  of(a: Host, sa: number, b: Host, sb: number, link: Link, flows?: LinkFlows): Facts | undefined {
    const key = this.sigs.of(sa, a) * 0x200000 + this.sigs.of(sb, b);
    let facts = this.facts.get(key);
    if (facts === undefined && !this.facts.has(key)) {
      const made = flowFacts(
        flows
          ? [...flows.ab, ...flows.ba]
          : this.deriver.derive({ hosts: [a, b], links: [link], settings: this.settings }).flows,
      );
      facts = made.dynamic > 0 || made.note5 !== undefined || isRemoteSql(a, b) ? made : undefined;
      this.facts.set(key, facts);
    }
    return facts;
  }
}
