import { EstateIndex } from '@/domain/checks/estate-index';
import { NoteLedger } from '@/domain/checks/note-ledger';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Host, Link, TopologyDocument } from '@/domain/document';
import { Deriver } from '@/domain/engine/deriver';
import { linkViewOf } from '@/domain/engine/result';
import { syntheticHierarchy } from '../../../bench/synthetic';
import { example } from '../../support/examples';
import { seededRandom } from '../../support/random';

/** The example with links the engine gives no flows of their own: repeated pairs, self-links, dangling ends. */
function withOddLinks(document: TopologyDocument, seed: number): TopologyDocument {
  const next = seededRandom(seed);
  const { hosts } = document;
  const links: Link[] = [...document.links];
  const at = (n: number) => hosts[next(n)] as Host;
  for (let i = 0; i < 40; i += 1) {
    const a = at(hosts.length);
    const b = at(hosts.length);
    const kind = next(4);
    const id = `odd${i}`;
    if (kind === 0) links.splice(next(links.length + 1), 0, { id, source: a.id, target: b.id });
    else if (kind === 1) links.push({ id, source: a.id, target: a.id });
    else if (kind === 2) links.push({ id, source: a.id, target: 'gone' });
    else {
      // The same pair again, before or after its first link, either way round.
      const first = links[next(links.length)] as Link;
      const again =
        next(2) === 0
          ? { id, source: first.source, target: first.target }
          : { id, source: first.target, target: first.source };
      links.splice(next(links.length + 1), 0, again);
    }
  }
  return { ...document, links };
}

/** The notes a ledger gives, as plain data (the name order read for each host tally). */
function notesOf(ledger: NoteLedger) {
  const { hostsInOrder, ...notes } = ledger.notes();
  return {
    ...notes,
    order: [notes.dynamic.hosts, notes.direction.hosts, notes.install.hosts].map((ids) =>
      hostsInOrder?.(ids),
    ),
  };
}

const DOCUMENTS: readonly [string, () => TopologyDocument][] = [
  ['standalone-primary', () => example('standalone-primary')],
  ['hierarchy', () => withOddLinks(example('hierarchy'), 3)],
  ['all-sections', () => withOddLinks(example('all-sections'), 5)],
  ['synthetic 400', () => withOddLinks(syntheticHierarchy(400, catalogue), 7)],
];

describe('the link notes read from the engine’s flows per link', () => {
  it.each(DOCUMENTS)('equal the notes of links derived one by one (%s)', (_, make) => {
    const document = make();
    const view = linkViewOf(deriveFlows(document, catalogue));
    expect(view).toBeDefined();
    const index = () => EstateIndex.of(document.hosts, document.links);
    const derive = vi.spyOn(Deriver.prototype, 'derive');
    const read = new NoteLedger(catalogue, document.settings, document.links, index(), view);
    // Not one link derived again: the engine's flows are read.
    expect(derive).not.toHaveBeenCalled();
    derive.mockRestore();
    const derived = new NoteLedger(catalogue, document.settings, document.links, index());
    const notes = notesOf(read);
    expect(notes).toEqual(notesOf(derived));
    // The example hierarchies have links of each kind of note.
    if (document.links.length > 20) {
      expect(notes.dynamic.links.length).toBeGreaterThan(0);
      expect(notes.install.links.length).toBeGreaterThan(0);
    }
  });

  it('ignores a view of other links or other settings, and derives them itself', () => {
    const document = example('hierarchy');
    const view = linkViewOf(deriveFlows(document, catalogue));
    const index = EstateIndex.of(document.hosts, document.links);
    const settings = { ...document.settings };
    const derive = vi.spyOn(Deriver.prototype, 'derive');
    const ledger = new NoteLedger(catalogue, settings, [...document.links], index, view);
    expect(derive).toHaveBeenCalled();
    derive.mockRestore();
    expect(notesOf(ledger)).toEqual(
      notesOf(
        new NoteLedger(
          catalogue,
          document.settings,
          document.links,
          EstateIndex.of(document.hosts, document.links),
        ),
      ),
    );
  });
});
