import type { ChunkedList } from '@/domain/chunked-list';
import type { Link } from '@/domain/document';
import type { LinkModel } from './link-model';

/**
 * Link positions by id, filled in link order only when a link is first looked up by id: the far
 * view draws the links by position and never asks, which spares a 400,000-entry map at open. Shared
 * by the versions of the document that only appended links (their lists agree on every position
 * both have), so it is only ever added to.
 */
export class LinkPositions {
  private readonly byId = new Map<string, number>();
  private filled = 0;

  /** The position of `id` in `links`, filling the map from `links` as far as needed. */
  of(id: string, links: readonly Link[]): number | undefined {
    const known = this.byId.get(id);
    if (known !== undefined || this.filled >= links.length) return known;
    for (let i = this.filled; i < links.length; i += 1) this.byId.set(links[i]!.id, i);
    this.filled = links.length;
    return this.byId.get(id);
  }
}

/**
 * The link models of one version of the document, by link id: a model per link position, and the
 * positions of the link ids. The positions are shared by the versions that only appended links, so
 * an edit copies a few chunks of models (`ChunkedList`), never a map or a list of every link.
 */
export class LinkModelTable implements ReadonlyMap<string, LinkModel> {
  constructor(
    private readonly links: readonly Link[],
    private readonly models: ChunkedList<LinkModel>,
    private readonly positions: LinkPositions,
  ) {}

  get size(): number {
    return this.links.length;
  }

  get(id: string): LinkModel | undefined {
    const i = this.positions.of(id, this.links);
    // A later version may have added ids this one does not have.
    return i !== undefined && i < this.links.length && this.links[i]!.id === id
      ? this.models.at(i)
      : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, LinkModel]> {
    for (let i = 0; i < this.links.length; i += 1) yield [this.links[i]!.id, this.models.at(i)!];
  }

  *keys(): MapIterator<string> {
    for (const link of this.links) yield link.id;
  }

  *values(): MapIterator<LinkModel> {
    for (let i = 0; i < this.links.length; i += 1) yield this.models.at(i)!;
  }

  [Symbol.iterator](): MapIterator<[string, LinkModel]> {
    return this.entries();
  }

  forEach(
    fn: (model: LinkModel, id: string, map: ReadonlyMap<string, LinkModel>) => void,
    that?: unknown,
  ): void {
    for (let i = 0; i < this.links.length; i += 1) fn.call(that, this.models.at(i)!, this.links[i]!.id, this);
  }
}
