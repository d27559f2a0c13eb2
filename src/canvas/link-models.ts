import type { Catalogue } from '@/domain/catalogue-types';
import { ChunkedList } from '@/domain/chunked-list';
import type { Derivation } from '@/domain/derive';
import type { Link } from '@/domain/document';
import { type LinkView, linkViewOf } from '@/domain/engine/result';
import { createLinkSummarizer, type LinkSummary } from '@/domain/link-summary';
import { type LinkModel, labelPosition, linkModels, strokesOf } from './link-model';
import { LinkModelTable, LinkPositions } from './link-model-table';

/** The link models of a catalogue's documents, kept up to date edit by edit. */
export interface LinkModels {
  /**
   * The model of every link: only the links whose flows or whose ends' link counts changed since
   * the last call are made anew; every other link keeps its model object.
   *
   * @param links - The document's links (the ones `derivation` was derived from).
   * @param derivation - Their derivation, from `deriveFlows` (a hand-made one is summarised from its flows).
   */
  update(links: readonly Link[], derivation: Derivation): ReadonlyMap<string, LinkModel>;
}

/** What the last update built: every field describes exactly its `links`. */
interface Built {
  readonly view: LinkView;
  readonly links: readonly Link[];
  /** How many links each host id has (repeats, self-links and broken ones too), as labels are placed. */
  readonly degree: Map<string, number>;
  /** Link positions by id (filled when first asked), only ever added to while links are only appended. */
  readonly positions: LinkPositions;
  /**
   * Link positions by host id (every link, repeats too), made on the first patch that adds a
   * link and only ever added to while links are only appended, like `positions`.
   */
  ends?: Map<string, number[]>;
  readonly models: ChunkedList<LinkModel>;
  readonly table: ReadonlyMap<string, LinkModel>;
  readonly derivation: Derivation;
}

const NO_FLOWS: readonly never[] = Object.freeze([]);

function count(degree: Map<string, number>, link: Link): void {
  degree.set(link.source, (degree.get(link.source) ?? 0) + 1);
  degree.set(link.target, (degree.get(link.target) ?? 0) + 1);
}

function file(ends: Map<string, number[]>, id: string, i: number): void {
  const list = ends.get(id);
  if (list) list.push(i);
  else ends.set(id, [i]);
}

/** Files links `from..to` under both their hosts (a self-link once). */
function fileEnds(ends: Map<string, number[]>, links: readonly Link[], from: number, to: number): void {
  for (let i = from; i < to; i += 1) {
    const link = links[i]!;
    file(ends, link.source, i);
    if (link.target !== link.source) file(ends, link.target, i);
  }
}

/**
 * Makes the link models for one catalogue. A link's model depends on its flows (which the engine
 * shares between links of alike hosts: one summary each) and on how many links its two hosts have
 * (where the label sits); models are shared by every link with the same summary and label place.
 * An edit the engine patched re-makes the links it touched and the links of hosts that gained links.
 *
 * @param catalogue - The catalogue (edition) the derivations are made with.
 * @returns The link models, equal to `linkModels(links, derivation.flows, catalogue)` after every update.
 * @example
 * const models = createLinkModels(catalogue);
 * models.update(document.links, derivation).get('l1')?.labelAt; // 0.5
 */
export function createLinkModels(catalogue: Catalogue): LinkModels {
  const summarizer = createLinkSummarizer(catalogue);
  const strokeOf = strokesOf(catalogue);
  // Models by summary, one per label place (a handful of places exist).
  const shapes = new WeakMap<LinkSummary, LinkModel[]>();
  const modelOf = (summary: LinkSummary, labelAt: number): LinkModel => {
    let list = shapes.get(summary);
    if (!list) {
      list = [];
      shapes.set(summary, list);
    }
    for (const m of list) if (m.labelAt === labelAt) return m;
    const services = list[0]?.services ?? summary.services.map(strokeOf);
    const { forward, backward, empty, flowCount, ports, dynamic } = summary;
    const model: LinkModel = { services, forward, backward, empty, flowCount, ports, dynamic, labelAt };
    list.push(model);
    return model;
  };
  // Neighbouring links mostly join alike hosts: the last lists and model are tried first.
  let lastAb: readonly unknown[] = NO_FLOWS;
  let lastBa: readonly unknown[] = NO_FLOWS;
  let lastSummary = summarizer.of(NO_FLOWS, NO_FLOWS);
  let lastModel: LinkModel | undefined;
  let lastModelOf: LinkSummary | undefined;
  const make = (view: LinkView, degree: Map<string, number>, i: number): LinkModel => {
    const link = view.links[i]!;
    const flows = view.flowsAt(i);
    const ab = flows ? flows.ab : NO_FLOWS;
    const ba = flows ? flows.ba : NO_FLOWS;
    if (ab !== lastAb || ba !== lastBa) {
      lastSummary = summarizer.of(ab, ba);
      lastAb = ab;
      lastBa = ba;
    }
    const at = labelPosition(degree.get(link.source) ?? 1, degree.get(link.target) ?? 1);
    if (lastModel === undefined || lastModelOf !== lastSummary || lastModel.labelAt !== at) {
      lastModel = modelOf(lastSummary, at);
      lastModelOf = lastSummary;
    }
    return lastModel;
  };
  let last: Built | undefined;

  const full = (view: LinkView, derivation: Derivation): Built => {
    const { links } = view;
    const same = last?.links === links;
    const degree = same ? last!.degree : new Map<string, number>();
    const positions = same ? last!.positions : new LinkPositions();
    if (!same) for (let i = 0; i < links.length; i += 1) count(degree, links[i]!);
    const models = ChunkedList.from(links.length, (i) => make(view, degree, i));
    const table = new LinkModelTable(links, models, positions);
    return { view, links, degree, positions, ends: same ? last!.ends : undefined, models, table, derivation };
  };

  const patch = (prev: Built, view: LinkView, derivation: Derivation): Built => {
    const { links } = view;
    const { degree, positions } = prev;
    const redo = new Set<number>(view.touched);
    const known = prev.links.length;
    let { ends } = prev;
    if (links.length > known && !ends) {
      ends = new Map();
      fileEnds(ends, prev.links, 0, known);
    }
    const gained = new Set<string>();
    for (let i = known; i < links.length; i += 1) {
      const link = links[i]!;
      count(degree, link);
      gained.add(link.source);
      gained.add(link.target);
    }
    if (ends) fileEnds(ends, links, known, links.length);
    // Hosts that gained links move the labels of all their links.
    for (const id of gained) for (const i of ends!.get(id)!) redo.add(i);
    // An edit that changed no link's flows (a move into a zone, say) keeps the models and table.
    if (redo.size === 0 && links === prev.links) return { ...prev, view, derivation };
    for (let i = known; i < links.length; i += 1) redo.add(i);
    const models = prev.models.with(links.length, redo, (i) => make(view, degree, i));
    const table = new LinkModelTable(links, models, positions);
    return { view, links, degree, positions, ends, models, table, derivation };
  };

  return {
    update(links, derivation) {
      if (last && last.links === links && last.derivation === derivation) return last.table;
      const view = linkViewOf(derivation);
      if (!view || view.links !== links) {
        last = undefined;
        return linkModels(links, derivation.flows, catalogue);
      }
      const follows =
        last !== undefined &&
        view.deriver === last.view.deriver &&
        view.base === last.view.serial &&
        links.length >= last.links.length;
      last = follows ? patch(last!, view, derivation) : full(view, derivation);
      return last.table;
    },
  };
}
