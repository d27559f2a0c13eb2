/** @vitest-environment jsdom */
import hierarchy from '@data/examples/hierarchy.json';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import type { TopologyDocument } from '@/domain/document';
import type { LayoutPlacement } from '@/domain/layout/layout-types';
import { restoreDocument } from '@/domain/restore';
import { historyOf } from '@/store/store-types';
import { sampleDocument } from '@/store/templates';
import { makeStore } from '../builders';
import { renderApp } from './render-app';

/**
 * The real layout (elkjs in-process under vitest) unless a test holds it: `hold()` makes the next
 * layouts wait for `release`, so a test can look at the busy state, edit meanwhile or make it fail.
 */
const gate = vi.hoisted(() => ({
  held: undefined as undefined | Promise<void>,
  failWith: undefined as undefined | Error,
  calls: 0,
  /** The layout answers with the positions it was given (as it may for a lone host). */
  keep: false,
}));
vi.mock('@/layout/run-layout', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/layout/run-layout')>();
  return {
    runLayout: async (...args: Parameters<typeof real.runLayout>): Promise<LayoutPlacement> => {
      gate.calls += 1;
      if (gate.held) await gate.held;
      if (gate.failWith) throw gate.failWith;
      if (gate.keep) return { positions: args[0].layout, zoneBoxes: {}, siteBoxes: {} };
      return real.runLayout(...args);
    },
  };
});

function hold(): () => void {
  let release = () => {};
  gate.held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return () => {
    gate.held = undefined;
    release();
  };
}

afterEach(() => {
  gate.held = undefined;
  gate.failWith = undefined;
  gate.calls = 0;
  gate.keep = false;
});

const restored = (data: unknown): TopologyDocument => {
  const result = restoreDocument(data, catalogue);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.document;
};

const tidyButton = () => screen.getByRole('button', { name: 'Tidy' });

/** The first layout loads elkjs (2.6 MB in-process under vitest): slow on a busy machine. */
const LOADING = { timeout: 60_000 };
// A layout per test, elkjs in-process: on a loaded two-core machine one test took 23 s.
vi.setConfig({ testTimeout: 120_000 });

describe('Tidy', () => {
  it('lays the hierarchy out in one undo step: the CAS above the primaries, then the view fits it', async () => {
    const { store, user } = renderApp(restored(hierarchy));
    const before = store.getState();
    const steps = historyOf(store).getState().pastStates.length;
    await user.click(tidyButton());
    await waitFor(() => expect(store.getState().layout).not.toBe(before.layout), LOADING);
    const { layout, hosts, links, fitRequest } = store.getState();
    expect(hosts).toBe(before.hosts);
    expect(links).toBe(before.links);
    expect(fitRequest).toBe(before.fitRequest + 1);
    expect(layout.cas!.y).toBeLessThan(layout.p01!.y);
    expect(layout.cas!.y).toBeLessThan(layout.p02!.y);
    expect(historyOf(store).getState().pastStates).toHaveLength(steps + 1);
    await waitFor(() => expect(tidyButton()).toBeEnabled());

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().layout).toEqual(before.layout);
    expect(store.getState().hosts).toBe(before.hosts);
  });

  it('shows that it is working and takes no second run meanwhile', async () => {
    const { store, user } = renderApp(restored(hierarchy));
    const release = hold();
    await user.click(tidyButton());
    expect(tidyButton()).toHaveAttribute('title', 'Tidying…');
    expect(tidyButton()).toBeDisabled();
    expect(tidyButton()).toHaveAttribute('aria-busy', 'true');
    // A layout that takes a while also says so where notices appear.
    expect(await screen.findByText('Tidying the diagram…')).toBeInTheDocument();
    const layout = store.getState().layout;
    act(release);
    await waitFor(() => expect(store.getState().layout).not.toBe(layout), LOADING);
    await waitFor(() => expect(tidyButton()).toBeEnabled());
    expect(tidyButton()).toHaveAttribute('title', expect.stringMatching(/^Tidy: lay the diagram out/));
    expect(screen.queryByText('Tidying the diagram…')).not.toBeInTheDocument();
  });

  it('drops its result when the diagram changed while it ran, and says so', async () => {
    const { store, user } = renderApp(restored(hierarchy));
    const release = hold();
    await user.click(tidyButton());
    act(() => {
      store.getState().addHost('client');
    });
    const layout = store.getState().layout;
    const steps = historyOf(store).getState().pastStates.length;
    act(release);
    // The layout itself still runs (elkjs in-process) before Tidy finds the change: on a busy
    // machine that takes longer than findByText's default second.
    expect(await screen.findByText(/changed while Tidy was working/, {}, LOADING)).toBeInTheDocument();
    expect(store.getState().layout).toBe(layout);
    expect(historyOf(store).getState().pastStates).toHaveLength(steps);
  });

  it('reports a failed layout and changes nothing', async () => {
    const { store, user } = renderApp(restored(hierarchy));
    const before = store.getState();
    gate.failWith = new Error('worker gone');
    await user.click(tidyButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Tidy could not lay out the diagram; nothing was moved/);
    expect(alert).toHaveTextContent('worker gone');
    expect(store.getState().layout).toBe(before.layout);
    expect(historyOf(store).getState().pastStates).toHaveLength(0);
    await waitFor(() => expect(tidyButton()).toBeEnabled());
  });

  it('is disabled on an empty diagram', () => {
    renderApp(restored({ ...hierarchy, hosts: [], links: [], layout: {} }));
    expect(tidyButton()).toBeDisabled();
  });
});

describe('a file opened without a layout', () => {
  const open = (name: string, content: string) => {
    const input = screen.getByTestId('open-file') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([content], name)] } });
  };

  it('is laid out as it opens, in the same undo step as the load', async () => {
    const sample = sampleDocument(catalogue);
    const { store, user } = renderApp(sample);
    const { layout: _layout, ...bare } = hierarchy;
    open('bare.json', JSON.stringify(bare));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Open file' }));
    await waitFor(() => expect(store.getState().name).toBe(hierarchy.name));
    // Restore put the hosts on its grid (CAS and primaries side by side in the first row); Tidy moves them.
    await waitFor(
      () => expect(store.getState().layout.cas!.y).toBeLessThan(store.getState().layout.p01!.y),
      LOADING,
    );
    expect(historyOf(store).getState().pastStates).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().name).toBe(sample.name);
    expect(store.getState().layout).toEqual(sample.layout);
  });

  it('is laid out once, also when the layout leaves its one host where restore put it', async () => {
    const { store, user } = renderApp(sampleDocument(catalogue));
    const { layout: _layout, ...bare } = hierarchy;
    const lone = { ...bare, hosts: bare.hosts.filter((h) => h.id === 'cas'), links: [] };
    gate.keep = true;
    open('lone.json', JSON.stringify(lone));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Open file' }));
    await waitFor(() => expect(gate.calls).toBe(1), LOADING);
    await waitFor(() => expect(tidyButton()).toBeEnabled(), LOADING);
    // The host stayed on restore's grid; Tidy's own fit request does not start another layout.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(gate.calls).toBe(1);
    expect(store.getState().hosts.map((h) => h.id)).toEqual(['cas']);
    expect(store.getState().layout).toEqual({ cas: { x: 0, y: 0 } });
  });

  it('keeps the layout a file brings', async () => {
    const { store, user } = renderApp(sampleDocument(catalogue));
    open('placed.json', JSON.stringify(hierarchy));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Open file' }));
    await waitFor(() => expect(store.getState().name).toBe(hierarchy.name));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(store.getState().layout).toEqual(hierarchy.layout);
    expect(tidyButton()).toBeEnabled();
    expect(gate.calls).toBe(0);
  });
});

describe('applyLayout', () => {
  it('moves hosts as one undo step and asks the view to fit', () => {
    const store = makeStore();
    const { layout, fitRequest } = store.getState();
    expect(store.getState().applyLayout({ site: { x: 500, y: 0 }, mp: { x: 500, y: 200 } })).toBe(true);
    expect(store.getState().layout.site).toEqual({ x: 500, y: 0 });
    expect(store.getState().fitRequest).toBe(fitRequest + 1);
    store.getState().undo();
    expect(store.getState().layout).toEqual(layout);
  });

  it('folds into the last step when asked to (a layout right after a load)', () => {
    const store = makeStore();
    const first = store.getState().layout;
    store.getState().replaceDocument(restored(hierarchy));
    expect(store.getState().applyLayout({ cas: { x: 1, y: 2 } }, { sameStep: true })).toBe(true);
    expect(historyOf(store).getState().pastStates).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().layout).toEqual(first);
    store.getState().redo();
    expect(store.getState().layout.cas).toEqual({ x: 1, y: 2 });
  });

  it('records nothing when no host moves', () => {
    const store = makeStore();
    expect(store.getState().applyLayout({ ...store.getState().layout })).toBe(false);
    expect(historyOf(store).getState().pastStates).toHaveLength(0);
  });
});
