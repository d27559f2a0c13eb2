import type { Host, Link, TopologyDocument } from '../document';
import type { EstateIndex } from './estate-index';
import type { Finding } from './finding';
import type { NoteLedger } from './note-ledger';
import type { SortedFindings } from './sorted-findings';

/** What the incremental checker keeps between runs, and the test that lets it patch. */

/** What one host's checks read beyond the host, its links and the hosts at their other ends. */
export interface Deps {
  readonly hosts: readonly string[];
  readonly queries: readonly string[];
}

/** True when no two hosts and no two links of the document share an id. */
export function unique(document: TopologyDocument, index: EstateIndex): boolean {
  return index.hostById.size === document.hosts.length && index.linkById.size === document.links.length;
}

/**
 * The hosts whose checks read each key (a host id or a question). A key's users are a list while
 * they only come (the first run files 30,000 clients under one question at 100k: appended, not
 * hashed), and a set from the first time one goes.
 */
export class Users {
  private readonly byKey = new Map<string, string[] | Set<string>>();

  /**
   * Files `owner` as a user of `key`. The checker files a host's keys once, and drops them all
   * before it files them again, so a list never holds an owner twice.
   */
  add(key: string, owner: string): void {
    const users = this.byKey.get(key);
    if (users === undefined) this.byKey.set(key, [owner]);
    else if (Array.isArray(users)) users.push(owner);
    else users.add(owner);
  }

  /** Takes `owner` off the users of `key`, and the key when none is left. */
  drop(key: string, owner: string): void {
    let users = this.byKey.get(key);
    if (users === undefined) return;
    if (Array.isArray(users)) {
      users = new Set(users);
      this.byKey.set(key, users);
    }
    users.delete(owner);
    if (users.size === 0) this.byKey.delete(key);
  }

  /** The users of `key`, each once. */
  get(key: string): Iterable<string> | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  entries(): IterableIterator<[string, Iterable<string>]> {
    return this.byKey.entries();
  }

  get size(): number {
    return this.byKey.size;
  }
}

/** What the last check built, describing exactly its document's hosts and links. */
export interface State {
  hosts: readonly Host[];
  links: readonly Link[];
  index: EstateIndex;
  /** Findings of each host's checks (hosts without findings left out). */
  byHost: Map<string, Finding[]>;
  deps: Map<string, Deps>;
  /** Hosts named or picked by other hosts' checks: host id → ids of the hosts checked. */
  hostUsers: Users;
  /** Estate-wide questions → ids of the hosts whose checks asked them, and the last answers. */
  queryUsers: Users;
  answers: Map<string, string>;
  /** Hosts whose checks read other hosts' links: checked again on every edit. */
  wide: Set<string>;
  /** Every host's findings, sorted. */
  hostResult: SortedFindings;
  /** The estate-wide findings, sorted, and by family (an edit keeps those it did not change). */
  estate: SortedFindings;
  families: (readonly Finding[])[];
  /** The link notes kept per link. */
  ledger: NoteLedger;
  /** Ids of the PXE distribution points linked to clients (note 4), and them in name order once asked. */
  pxe: Set<string>;
  pxeList: readonly Host[] | undefined;
  /** What the estate-wide checks read besides hosts and links, as last read. */
  read: { settings: unknown; results: unknown; flows: unknown; emptyLinks: readonly string[]; notes: number };
  /** The result, and the host and estate lists it was merged from. */
  result: readonly Finding[];
  merged: readonly [SortedFindings | undefined, SortedFindings | undefined];
}
