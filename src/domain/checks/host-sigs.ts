import type { Host } from '../document';

/** A step of the role sequences seen: the next role's step, and the numbers of hosts ending here. */
interface Step {
  readonly next: Map<string, Step>;
  /** The number of hosts with these roles and no options; -1 until one is seen. */
  bare: number;
  /** Numbers of hosts with these roles, by their options as JSON. */
  options: Map<string, number> | undefined;
}

const step = (): Step => ({ next: new Map(), bare: -1, options: undefined });

/**
 * Hosts' roles and options numbered by slot (see `HostGraph`): equal numbers derive equal flows,
 * as roles in the same order and options alike do. Roles are walked step by step (no text made
 * for a host without options); a slot keeps its number while it holds the same host object.
 */
export class HostSigs {
  private readonly numberAt: number[];
  private readonly hostAt: (Host | undefined)[];
  private readonly root = step();
  private count = 0;

  /** @param expected - About how many slots there are (a large array grown by pushing is slow). */
  constructor(expected = 32) {
    this.numberAt = new Array<number>(expected).fill(-1);
    this.hostAt = new Array(expected);
  }

  /** The number of the host in `slot`. */
  of(slot: number, host: Host): number {
    while (this.numberAt.length <= slot) {
      this.numberAt.push(-1);
      this.hostAt.push(undefined);
    }
    if (this.hostAt[slot] === host) return this.numberAt[slot] as number;
    const n = this.number(host);
    this.numberAt[slot] = n;
    this.hostAt[slot] = host;
    return n;
  }

  private number(host: Host): number {
    let at = this.root;
    for (const role of host.roles) {
      let next = at.next.get(role);
      if (!next) {
        next = step();
        at.next.set(role, next);
      }
      at = next;
    }
    for (const _ in host.options) {
      at.options ??= new Map();
      const key = JSON.stringify(host.options);
      let n = at.options.get(key);
      if (n === undefined) {
        n = this.count++;
        at.options.set(key, n);
      }
      return n;
    }
    if (at.bare < 0) at.bare = this.count++;
    return at.bare;
  }
}
