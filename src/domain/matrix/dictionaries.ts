import { sharedContent } from '../engine/link-flows';
import type { Flow } from '../flow';

/**
 * Numbers distinct texts, found by a cheaper key (an array, a number): the text of a key is made
 * once, when the key first appears. Keys with the same text share a code (two host pairs with the
 * same names are one group, as they always were). `byKey` numbers keys instead (hosts: two hosts
 * of one name still differ in address).
 */
export class Dictionary<K> {
  readonly texts: string[] = [];
  readonly keys: K[] = [];
  private readonly index = new Map<K, number>();
  private readonly byText = new Map<string, number>();
  get(key: K): number | undefined {
    return this.index.get(key);
  }
  constructor(private readonly byKey = false) {}
  code(key: K, text: () => string): number {
    return this.index.get(key) ?? this.add(key, text());
  }
  add(key: K, t: string): number {
    let c = this.index.get(key);
    if (c === undefined) {
      c = this.byKey ? undefined : this.byText.get(t);
      if (c === undefined) {
        c = this.texts.length;
        this.texts.push(t);
        this.keys.push(key);
        this.byText.set(t, c);
      }
      this.index.set(key, c);
    }
    return c;
  }
}

/**
 * Content codes per distinct content: flows are views of few shared contents, whose fields are
 * the same arrays and port objects, so one lookup (by the descriptions array) and a few identity
 * checks replace a dictionary lookup per column. A flow that matches no entry gets its own.
 */
export class ContentCache {
  /** Each content's codes, by its number. */
  readonly all: Int32Array[] = [];
  /** By descriptions array, then port object: both are shared by the flows of one content. */
  private readonly entries = new Map<readonly string[], Map<Flow['port'], Entry[]>>();
  /** Numbers by the engine's shared content object: one lookup for the flows it made. */
  private readonly shared = new WeakMap<object, number>();
  private lastShared: object | undefined;
  private lastIndex = -1;
  constructor(private readonly make: (f: Flow) => Int32Array) {}
  /** The number of the flow's content (its codes are `all[number]`). */
  index(f: Flow): number {
    const content = sharedContent(f);
    if (content === undefined) return this.byFields(f);
    if (content === this.lastShared) return this.lastIndex;
    let index = this.shared.get(content);
    if (index === undefined) {
      index = this.byFields(f);
      this.shared.set(content, index);
    }
    this.lastShared = content;
    this.lastIndex = index;
    return index;
  }

  /** The number of the flow's content, found by its fields. */
  private byFields(f: Flow): number {
    let byPort = this.entries.get(f.descriptions);
    if (!byPort) {
      byPort = new Map();
      this.entries.set(f.descriptions, byPort);
    }
    const list = byPort.get(f.port);
    if (list) {
      for (let j = 0; j < list.length; j += 1) {
        const e = list[j]!;
        if (!sameContent(e.flow, f)) continue;
        // Flows of a kind come together (a link's flows, then the next alike link's): keep the
        // last match first.
        if (j > 0) {
          list.splice(j, 1);
          list.unshift(e);
        }
        return e.index;
      }
    }
    const index = this.all.length;
    this.all.push(this.make(f));
    // A snapshot, not the view: comparing against plain fields is cheaper than through getters.
    const entry = { flow: contentOf(f), index };
    if (list) list.unshift(entry);
    else byPort.set(f.port, [entry]);
    return index;
  }
}

interface Entry {
  readonly flow: ContentFields;
  readonly index: number;
}

type ContentFields = Pick<
  Flow,
  | 'initiatorRoles'
  | 'responderRoles'
  | 'port'
  | 'protocol'
  | 'service'
  | 'sections'
  | 'notes'
  | 'dynamic'
  | 'bothInitiate'
  | 'configurable'
>;

function contentOf(f: Flow): ContentFields {
  return {
    initiatorRoles: f.initiatorRoles,
    responderRoles: f.responderRoles,
    port: f.port,
    protocol: f.protocol,
    service: f.service,
    sections: f.sections,
    notes: f.notes,
    dynamic: f.dynamic,
    bothInitiate: f.bothInitiate,
    configurable: f.configurable,
  };
}

function sameContent(a: ContentFields, b: Flow): boolean {
  return (
    a.initiatorRoles === b.initiatorRoles &&
    a.responderRoles === b.responderRoles &&
    a.port === b.port &&
    a.protocol === b.protocol &&
    a.service === b.service &&
    a.sections === b.sections &&
    a.notes === b.notes &&
    a.dynamic === b.dynamic &&
    a.bothInitiate === b.bothInitiate &&
    a.configurable === b.configurable
  );
}
