import type { Link } from '@/domain/document';
import type { LinkModel } from './link-model';

/**
 * The link models of one version of the document, by link id: a model per link position, and the
 * positions of the link ids. The positions map is shared by the versions that only appended links
 * (it is only ever added to), so an edit copies an array of models, never a map of every link.
 */
export class LinkModelTable implements ReadonlyMap<string, LinkModel> {
  constructor(
    private readonly links: readonly Link[],
    private readonly models: readonly LinkModel[],
    private readonly positions: ReadonlyMap<string, number>,
  ) {}

  get size(): number {
    return this.links.length;
  }

  get(id: string): LinkModel | undefined {
    const i = this.positions.get(id);
    // A later version may have added ids this one does not have.
    return i !== undefined && i < this.links.length && this.links[i]!.id === id ? this.models[i] : undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, LinkModel]> {
    for (let i = 0; i < this.links.length; i += 1) yield [this.links[i]!.id, this.models[i]!];
  }

  *keys(): MapIterator<string> {
    for (const link of this.links) yield link.id;
  }

  *values(): MapIterator<LinkModel> {
    for (let i = 0; i < this.links.length; i += 1) yield this.models[i]!;
  }

  [Symbol.iterator](): MapIterator<[string, LinkModel]> {
    return this.entries();
  }

  forEach(
    fn: (model: LinkModel, id: string, map: ReadonlyMap<string, LinkModel>) => void,
    that?: unknown,
  ): void {
    for (let i = 0; i < this.links.length; i += 1) fn.call(that, this.models[i]!, this.links[i]!.id, this);
  }
}
