import type { Host } from '../document';

/** Most replaced hosts an index carries over before it is built afresh. */
const MAX_CHANGED = 4096;

/**
 * A document's hosts by id. Made from the index of the document before an edit, it shares that
 * index's map and keeps only the hosts the edit replaced (same places, same ids) beside it, so an
 * edit costs one identity test per host instead of a map of every host.
 */
export class HostIndex {
  private constructor(
    readonly hosts: readonly Host[],
    private readonly base: ReadonlyMap<string, Host>,
    private readonly changed: ReadonlyMap<string, Host> | undefined,
    /** Whether every host has its own id (else the last of an id wins, as a fresh map would). */
    private readonly unique: boolean,
    /**
     * The {@link token} of the index this one was made from by replacing hosts, if it was (a
     * token, not the index: a chain of indexes would keep every document's hosts).
     */
    readonly parent?: object,
    /** The ids whose hosts the edit replaced, when there is a parent. */
    readonly replaced: readonly string[] = [],
  ) {}

  /** What an index made from this one names as its parent. */
  readonly token: object = {};

  /**
   * The index of a list of hosts.
   *
   * @param hosts - The document's hosts.
   * @param previous - The index of the document before the edit, if any.
   * @returns The index; lookups equal `new Map(hosts.map((h) => [h.id, h]))`'s.
   * @example
   * const index = HostIndex.of(document.hosts, last);
   * index.get('dp1')?.name; // 'P01-DP01'
   */
  static of(hosts: readonly Host[], previous?: HostIndex): HostIndex {
    if (previous?.unique && previous.hosts.length === hosts.length) {
      const old = previous.hosts;
      if (old === hosts) return previous;
      let changed: Map<string, Host> | undefined;
      const replaced: string[] = [];
      let ok = true;
      for (let i = 0; i < hosts.length && ok; i += 1) {
        const h = hosts[i]!;
        if (h === old[i]) continue;
        changed ??= new Map(previous.changed);
        ok = h.id === old[i]!.id && changed.size < MAX_CHANGED;
        changed.set(h.id, h);
        replaced.push(h.id);
      }
      if (ok)
        return new HostIndex(
          hosts,
          previous.base,
          changed ?? previous.changed,
          true,
          previous.token,
          replaced,
        );
    }
    // Set one by one: no pair array per host (100,000 of them on opening a large estate).
    const base = new Map<string, Host>();
    for (let i = 0; i < hosts.length; i += 1) base.set((hosts[i] as Host).id, hosts[i] as Host);
    return new HostIndex(hosts, base, undefined, base.size === hosts.length);
  }

  get(id: string): Host | undefined {
    return this.changed?.get(id) ?? this.base.get(id);
  }

  has(id: string): boolean {
    return this.base.has(id);
  }
}
