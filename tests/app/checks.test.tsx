/** @vitest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { sampleDocument } from '@/store/templates';
import { makeDocument, makeHost, makeLink, standaloneWithoutSql } from '../builders';
import { renderApp } from './render-app';

const buildExport = vi.hoisted(() => vi.fn(async () => ({ blob: new Blob(['x']), fileName: 'x.csv' })));
vi.mock('@/export/export-formats', async (orig) => ({
  ...(await orig<typeof import('@/export/export-formats')>()),
  buildExport,
}));
vi.mock('@/store/download', () => ({ downloadFile: vi.fn() }));

beforeEach(() => buildExport.mockClear());

const indicator = () => screen.getByRole('button', { name: /^Problems:/ });

async function exportCsv(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('button', { name: 'Export' }));
  await user.click(screen.getByRole('menuitem', { name: /CSV/ }));
}

describe('the problem count in the toolbar', () => {
  it('shows the errors and opens the Problems panel', async () => {
    const { store, user } = renderApp(standaloneWithoutSql());
    expect(indicator()).toHaveAccessibleName('Problems: 2 errors');
    await user.click(indicator());
    expect(store.getState().sidePanel).toBe('problems');
    expect(screen.getByRole('tab', { name: /Problems/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { name: 'Problems' })).toBeInTheDocument();
  });

  it('counts warnings too, and says when there is nothing', async () => {
    const { store } = renderApp(
      makeDocument(
        [makeHost('pc', ['client']), makeHost('net', ['internet'])],
        [makeLink('pc', 'net', 'l1')],
      ),
    );
    expect(indicator()).toHaveAccessibleName(/^Problems: (\d+ errors? · )?\d+ warnings?$/);
    store.getState().replaceDocument(sampleDocument(catalogue));
    await waitFor(() => expect(indicator()).toHaveAccessibleName('Problems: No problems'));
  });

  it('follows a fix and its undo', async () => {
    const { store, user } = renderApp(standaloneWithoutSql());
    await user.click(indicator());
    await user.click(screen.getByRole('button', { name: 'Fix: Add a SQL Server for P01-SITE' }));
    // Adding the SQL Server leaves the management point without its link: one error left; the
    // added host has no IP yet in a diagram with addresses: one warning.
    expect(indicator()).toHaveAccessibleName('Problems: 1 error · 1 warning');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(indicator()).toHaveAccessibleName('Problems: 2 errors');
    expect(store.getState().hosts.some((h) => h.name === 'P01-SQL01')).toBe(false);
  });
});

describe('exporting with errors', () => {
  it('asks first; cancelling exports nothing and opens the problems', async () => {
    const { store, user } = renderApp(standaloneWithoutSql());
    await exportCsv(user);
    const dialog = screen.getByRole('dialog', { name: 'Export with 2 errors?' });
    expect(dialog).toHaveTextContent(/the flow matrix may miss connections/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(buildExport).not.toHaveBeenCalled();
    expect(store.getState().sidePanel).toBe('problems');
  });

  it('exports anyway when the planner confirms', async () => {
    const { user } = renderApp(standaloneWithoutSql());
    await exportCsv(user);
    await user.click(screen.getByRole('button', { name: 'Export anyway' }));
    await waitFor(() => expect(buildExport).toHaveBeenCalledTimes(1));
    expect(buildExport).toHaveBeenCalledWith('csv', expect.objectContaining({ rows: expect.any(Array) }));
  });

  it('does not ask when only infos remain', async () => {
    const { user } = renderApp(sampleDocument(catalogue));
    await exportCsv(user);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(buildExport).toHaveBeenCalledTimes(1));
  });
});
