/** @vitest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { PANELS_KEY } from '@/panels/presentation-layout';
import { sampleDocument } from '@/store/templates';
import { makeDocument } from '../builders';
import { renderApp } from './render-app';

/** The shell at 1366×768 and on a projector (issue 12): folding panels, presenting, printing. */

afterEach(() => {
  window.localStorage.clear();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('folding the side columns', () => {
  it('folds the roles panel to a rail and unfolds it, with aria-expanded on one named button', async () => {
    const { user } = renderApp(makeDocument());
    const fold = screen.getByRole('button', { name: 'Roles panel', expanded: true });
    expect(screen.getByRole('button', { name: 'Add Management point' })).toBeVisible();
    await user.click(fold);
    expect(screen.queryByRole('button', { name: 'Add Management point' })).toBeNull();
    expect(screen.getByRole('complementary', { name: 'Roles' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Roles panel', expanded: false }));
    expect(screen.getByRole('button', { name: 'Add Management point' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Roles panel' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('remembers the folded panels in this browser, like the theme', async () => {
    const first = renderApp(makeDocument());
    await first.user.click(screen.getByRole('button', { name: 'Right panel', expanded: true }));
    expect(screen.queryByRole('tablist', { name: 'Right panel' })).toBeNull();
    expect(JSON.parse(window.localStorage.getItem(PANELS_KEY) ?? '{}')).toEqual({ roles: true, side: false });
    first.unmount();

    renderApp(makeDocument());
    expect(screen.getByRole('button', { name: 'Right panel', expanded: false })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Roles panel', expanded: true })).toBeInTheDocument();
  });

  it('unfolds the right column when a toolbar button asks for one of its tabs', async () => {
    const { user } = renderApp(makeDocument());
    await user.click(screen.getByRole('button', { name: 'Right panel', expanded: true }));
    await user.click(screen.getByRole('button', { name: /Site settings/ }));
    expect(screen.getByRole('tab', { name: 'Site settings', selected: true })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Right panel', expanded: true })).toBeInTheDocument();
  });

  it('starts the matrix as its bar on a short window, with the flow count, and raises it with its size buttons', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(max-height: 900px)',
      media: query,
    }));
    const { store, user } = renderApp(sampleDocument(catalogue));
    expect(store.getState().matrixSize).toBe('collapsed');
    const matrix = screen.getByRole('region', { name: 'Flow matrix' });
    const raise = await within(matrix).findByRole('button', { name: 'Flow matrix at normal size' });
    expect(within(matrix).getByText(/^\d+ flows?$/)).toBeVisible();
    await user.click(raise);
    expect(store.getState().matrixSize).toBe('normal');
  });

  it('keeps the matrix at its normal size on a tall window', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }));
    const { store } = renderApp(makeDocument());
    expect(store.getState().matrixSize).toBe('normal');
  });
});

describe('presentation mode', () => {
  it('enters with P and leaves with Escape: only the canvas shows, and the view is fitted', async () => {
    const { store, user, container } = renderApp(sampleDocument(catalogue));
    const fits = store.getState().fitRequest;
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('p');
    expect(container.querySelector('.app')).toHaveClass('app--presenting');
    for (const name of ['Undo', 'Add Management point', 'Roles panel', 'Right panel'])
      expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Flow matrix' })).toBeNull();
    expect(screen.getByRole('application', { name: 'Topology diagram' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
    await waitFor(() => expect(store.getState().fitRequest).toBeGreaterThan(fits));

    await user.keyboard('{Escape}');
    expect(container.querySelector('.app')).not.toHaveClass('app--presenting');
    expect(screen.getByRole('button', { name: 'Undo' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Flow matrix' })).toBeInTheDocument();
  });

  it('toggles with P, enters from the toolbar and leaves with its own button', async () => {
    const { user, container } = renderApp(makeDocument());
    const app = container.querySelector('.app');
    await user.click(screen.getByRole('button', { name: 'Present' }));
    expect(app).toHaveClass('app--presenting');
    await user.keyboard('P');
    expect(app).not.toHaveClass('app--presenting');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('p');
    expect(app).toHaveClass('app--presenting');
    await user.click(screen.getByRole('button', { name: 'Leave presentation' }));
    expect(app).not.toHaveClass('app--presenting');
  });

  it('leaves a P typed into a text field alone, and Ctrl+P to the browser', async () => {
    const { user, container } = renderApp(makeDocument());
    await user.click(screen.getByRole('searchbox', { name: 'Find a role' }));
    await user.keyboard('p');
    expect(screen.getByRole('searchbox', { name: 'Find a role' })).toHaveValue('p');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('{Control>}p{/Control}');
    expect(container.querySelector('.app')).not.toHaveClass('app--presenting');
  });
});

describe('printing the diagram', () => {
  it('prints the diagram alone from the Export menu, fitted, light and with full labels, then puts all back', async () => {
    document.documentElement.dataset.theme = 'dark';
    const { store, user, container } = renderApp(sampleDocument(catalogue));
    const seen: { theme?: string; capturing: boolean; printing: boolean }[] = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      seen.push({
        theme: document.documentElement.dataset.theme,
        capturing: store.getState().capturing,
        printing: container.querySelector('.app')?.classList.contains('app--printing') ?? false,
      });
    });
    const fits = store.getState().fitRequest;
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('menuitem', { name: /Print diagram/ }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(seen).toEqual([{ theme: 'light', capturing: true, printing: true }]);
    expect(store.getState().fitRequest).toBeGreaterThan(fits);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(store.getState().capturing).toBe(false);
    await waitFor(() => expect(container.querySelector('.app')).not.toHaveClass('app--printing'));
    delete document.documentElement.dataset.theme;
  });

  it('offers no print of an empty diagram', async () => {
    const { user } = renderApp(makeDocument());
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(screen.getByRole('menuitem', { name: /Print diagram/ })).toBeDisabled();
  });

  it('prints light from the browser menu too (beforeprint / afterprint)', () => {
    document.documentElement.dataset.theme = 'dark';
    renderApp(makeDocument());
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(document.documentElement.dataset.theme).toBe('light');
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(document.documentElement.dataset.theme).toBe('dark');
    delete document.documentElement.dataset.theme;
  });
});
