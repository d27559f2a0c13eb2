import type { FlowBlock } from '../derive';
import { type Flow, type FlowPort, formatPort } from '../flow';
import { ContentCache, Dictionary } from './dictionaries';
import { HostColumns } from './host-columns';
import type { RowTexts } from './row-texts';
import type { RowWords } from './row-words';
import { ZoneColumns } from './zone-columns';

/** The columns a flow's shared content decides, in the order `contentCodes` writes them. */
export const CONTENT_COLUMNS = [
  'sourceRoles',
  'targetRoles',
  'protocol',
  'port',
  'service',
  'direction',
  'configurable',
  'notes',
  'section',
  'middle',
  'tail',
] as const;

/** One flow block's rows, coded: hosts, pair and content per row. */
export interface RowChunk {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly pair: Int32Array;
  readonly content: Int32Array;
}

function portKey(p: FlowPort): number {
  return p.kind === 'single' ? p.port : -(p.from * 65_536 + p.to) - 1;
}

/**
 * The dictionaries that code a matrix's columns, kept from one build to the next: an edit adds
 * codes (never changes one), so the rows its flows share with the last build keep their codes.
 * Valid while the words (catalogue and language) and the names of the hosts it has coded stay the same.
 */
export class ColumnsBuilder {
  readonly hosts = new Dictionary<string>(true);
  readonly dicts = {
    sourceRoles: new Dictionary<readonly string[]>(),
    targetRoles: new Dictionary<readonly string[]>(),
    protocol: new Dictionary<string>(),
    port: new Dictionary<number>(),
    service: new Dictionary<string>(),
    direction: new Dictionary<boolean>(),
    configurable: new Dictionary<boolean>(),
    notes: new Dictionary<unknown>(),
    section: new Dictionary<readonly string[]>(),
    middle: new Dictionary<number>(),
    tail: new Dictionary<number>(),
  };
  readonly ports: FlowPort[] = [];
  /** Each coded host's address, site and zone, by host identity. */
  readonly facts = new HostColumns();
  readonly zones = new ZoneColumns(this.facts);
  readonly contents = new ContentCache((f) => this.contentCodes(f));
  /** Each flow block's rows as this builder coded them: a block the next build still has keeps them. */
  private readonly chunks = new WeakMap<FlowBlock, RowChunk>();
  private readonly tailKeys = new Map<readonly string[], Map<number, number>>();
  private tails = 0;
  // Host pairs by lower then higher name code (small integers, no boxed keys): two pairs of the
  // same names are one pair. Each pair's two name codes, for its label.
  private readonly pairs = new Map<number, Map<number, number>>();
  private readonly pairNames: number[] = [];
  private readonly pairLabels: string[] = [];
  /** Each host code's name code, and the name of each name code. */
  private readonly nameOf: number[] = [];
  private readonly names: string[] = [];
  private readonly nameCodes = new Map<string, number>();
  /** Pair codes by label, once a name holds the arrow (two pairs might then write one label). */
  private byLabel: Map<string, number> | undefined;
  private readonly collator = new Intl.Collator();

  constructor(
    readonly words: RowWords,
    public texts: RowTexts,
  ) {}

  /**
   * True when `texts` (a later document) names every coded host as this builder did. A host whose
   * record is the one the facts were read from keeps its name; only replaced records are read.
   */
  holds(texts: RowTexts): boolean {
    if (texts.words !== this.words) return false;
    const { keys, texts: names } = this.hosts;
    const { facts } = this;
    const replaced = facts.replaced(texts);
    const check = (c: number) => {
      const record = texts.record(keys[c]!);
      return record === undefined || facts.holds(c, record) || record.name === names[c];
    };
    if (replaced)
      return replaced.every((id) => this.hosts.get(id) === undefined || check(this.hosts.get(id)!));
    for (let c = 0; c < keys.length; c += 1) if (!check(c)) return false;
    return true;
  }

  host(id: string): number {
    let c = this.hosts.get(id);
    if (c === undefined) {
      const name = this.texts.host(id).name;
      c = this.hosts.add(id, name);
      let nc = this.nameCodes.get(name);
      if (nc === undefined) {
        nc = this.names.push(name) - 1;
        this.nameCodes.set(name, nc);
        if (name.includes('↔') && !this.byLabel) {
          this.byLabel = new Map();
          const labels = this.pairTexts();
          for (let pc = 0; pc < labels.length; pc += 1)
            if (!this.byLabel.has(labels[pc]!)) this.byLabel.set(labels[pc]!, pc);
        }
      }
      this.nameOf[c] = nc;
    }
    return c;
  }

  /** A flow block's rows, coded: kept from when this builder first coded the block. */
  chunkOf(block: FlowBlock): RowChunk {
    let chunk = this.chunks.get(block);
    if (!chunk) {
      chunk = this.code(block.flows());
      this.chunks.set(block, chunk);
    }
    return chunk;
  }

  /** Whether this builder has coded `block` (its next `chunkOf` is a look-up). */
  hasCoded(block: FlowBlock): boolean {
    return this.chunks.has(block);
  }

  /** Codes rows: each flow's hosts, host pair and content. */
  private code(flows: readonly Flow[]): RowChunk {
    const n = flows.length;
    const chunk = {
      source: new Int32Array(n),
      target: new Int32Array(n),
      pair: new Int32Array(n),
      content: new Int32Array(n),
    };
    let lastA: string | undefined;
    let lastB: string | undefined;
    let s = 0;
    let t = 0;
    let pc = 0;
    for (let i = 0; i < n; i += 1) {
      const f = flows[i]!;
      // Flows come by initiator, then responder: most rows repeat the last row's hosts and pair.
      const a = f.initiator;
      const b = f.responder;
      const moved = a !== lastA || b !== lastB;
      if (a !== lastA) {
        lastA = a;
        s = this.host(a);
      }
      if (b !== lastB) {
        lastB = b;
        t = this.host(b);
      }
      if (moved) pc = this.pair(s, t);
      chunk.source[i] = s;
      chunk.target[i] = t;
      chunk.pair[i] = pc;
      chunk.content[i] = this.contents.index(f);
    }
    return chunk;
  }

  /** The code of the pair of hosts `s` and `t` (host codes), in either order. */
  pair(s: number, t: number): number {
    const x = this.nameOf[s]!;
    const y = this.nameOf[t]!;
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    let row = this.pairs.get(lo);
    if (!row) {
      row = new Map();
      this.pairs.set(lo, row);
    }
    let pc = row.get(hi);
    if (pc === undefined) {
      pc = this.pairNames.push(lo, hi) / 2 - 1;
      if (this.byLabel) {
        // Labels are made now, so a pair that writes another's label takes its code.
        const label = this.pairTexts()[pc]!;
        const same = this.byLabel.get(label);
        if (same === undefined) this.byLabel.set(label, pc);
        else {
          this.pairNames.length -= 2;
          this.pairLabels.length -= 1;
          pc = same;
        }
      }
      row.set(hi, pc);
    }
    return pc;
  }

  /**
   * Each pair code's label (`pairLabel`), made when first read: the same array every time, grown
   * by the pairs coded since.
   */
  pairTexts(): readonly string[] {
    const { pairLabels: labels, pairNames, names, collator } = this;
    for (let pc = labels.length; pc < pairNames.length / 2; pc += 1) {
      const x = names[pairNames[2 * pc]!]!;
      const y = names[pairNames[2 * pc + 1]!]!;
      // pairLabel's order (localeCompare), by one collator: localeCompare makes one per call.
      labels.push(collator.compare(x, y) <= 0 ? `${x} ↔ ${y}` : `${y} ↔ ${x}`);
    }
    return labels;
  }

  /** The codes of what a flow's content decides, in {@link CONTENT_COLUMNS} order. */
  private contentCodes(f: Flow): Int32Array {
    const { dicts, texts } = this;
    const out = new Int32Array(CONTENT_COLUMNS.length);
    out[0] = dicts.sourceRoles.code(f.initiatorRoles, () => texts.roles(f.initiatorRoles));
    out[1] = dicts.targetRoles.code(f.responderRoles, () => texts.roles(f.responderRoles));
    out[2] = dicts.protocol.code(f.protocol, () => f.protocol);
    const port = f.port;
    out[3] = dicts.port.code(portKey(port), () => formatPort(port));
    this.ports[out[3]] = port;
    out[4] = dicts.service.code(f.service, () => texts.service(f.service));
    out[5] = dicts.direction.code(f.bothInitiate, () => texts.direction(f.bothInitiate));
    out[6] = dicts.configurable.code(f.configurable, () =>
      f.configurable ? texts.words.yes : texts.words.no,
    );
    // The dynamic range's note names its port; other notes lists share one text.
    const notesKey = f.dynamic ? `${portKey(port)}:${f.notes.join(',')}` : f.notes;
    out[7] = dicts.notes.code(notesKey, () => texts.notes(f));
    out[8] = dicts.section.code(f.sections, () => f.sections.join(';'));
    // The middle reads the initiator's roles, the protocol and the port: key it by their codes.
    out[9] = dicts.middle.code((out[0] * 2 + out[2]) * 1_048_576 + out[3], () => texts.middle(f));
    // The tail reads the responder's roles, the descriptions, the service and the sections.
    let byDescriptions = this.tailKeys.get(f.descriptions);
    if (!byDescriptions) {
      byDescriptions = new Map();
      this.tailKeys.set(f.descriptions, byDescriptions);
    }
    const tk = (out[1] * 1024 + out[4]) * 1_048_576 + out[8];
    let tc = byDescriptions.get(tk);
    if (tc === undefined) {
      this.tails += 1;
      tc = dicts.tail.code(this.tails, () => texts.tail(f));
      byDescriptions.set(tk, tc);
    }
    out[10] = tc;
    return out;
  }
}
