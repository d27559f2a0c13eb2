/** @vitest-environment jsdom */
import { screen } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { sampleDocument } from '@/store/templates';
import { renderApp } from '../app/render-app';

/** The host node elements on the canvas, by host id. */
function hostNode(container: HTMLElement, id: string): HTMLElement {
  const node = container.querySelector(`.react-flow__node[data-id="${id}"] .host-node`);
  if (!node) throw new Error(`no host node ${id}`);
  return node as HTMLElement;
}

describe('the matrix filter on the canvas', () => {
  it('marks the hosts of the matching rows and dims the others while the filter is set', async () => {
    const doc = sampleDocument(catalogue);
    const { user, container, store } = renderApp(doc);
    for (const h of doc.hosts) {
      expect(hostNode(container, h.id)).not.toHaveClass('host-node--match');
      expect(hostNode(container, h.id)).not.toHaveClass('host-node--dim');
    }
    await user.type(screen.getByRole('searchbox', { name: 'Filter all columns' }), 'P01-DP01');
    expect(store.getState().matrixFilter).toBe('P01-DP01');
    // P01-DP01's links in the example: l2 (site server), l7 (clients) and l10 (MP); their hosts match.
    const dpLinks = new Set(['l2', 'l7', 'l10']);
    const matched = new Set(doc.links.filter((l) => dpLinks.has(l.id)).flatMap((l) => [l.source, l.target]));
    expect(matched.size).toBeGreaterThan(1);
    for (const h of doc.hosts) {
      expect(hostNode(container, h.id)).toHaveClass(
        matched.has(h.id) ? 'host-node--match' : 'host-node--dim',
      );
    }
    await user.clear(screen.getByRole('searchbox', { name: 'Filter all columns' }));
    for (const h of doc.hosts) {
      expect(hostNode(container, h.id).className).not.toMatch(/host-node--(match|dim)/);
    }
  });
});
