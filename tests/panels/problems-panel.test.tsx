/** @vitest-environment jsdom */
import { act, screen, within } from '@testing-library/react';
import { catalogue } from '@/domain/default-catalogue';
import { isMessage } from '@/domain/message';
import { appI18n } from '@/i18n/app-i18n';
import { ProblemsPanel } from '@/panels/problems-panel';
import { SidePanel } from '@/panels/side-panel';
import { selectProblems } from '@/store/derived';
import { sampleDocument } from '@/store/templates';
import { makeStore, standaloneWithoutSql } from '../builders';
import { englishIn } from '../support/no-english';
import { english } from '../support/words';
import { renderWithStore } from './render-with-store';

function setup(doc = standaloneWithoutSql()) {
  const store = makeStore(doc);
  store.getState().setSidePanel('problems');
  return { store, ...renderWithStore(store, <SidePanel />) };
}

const errors = () => screen.getByRole('region', { name: /^Errors/ });

describe('the Problems panel', () => {
  it('is a tab of the side panel with the count of errors and warnings', () => {
    setup();
    const tab = screen.getByRole('tab', { name: /Problems/ });
    expect(tab).toHaveAttribute('aria-selected', 'true');
    expect(tab).toHaveTextContent('2');
  });

  it('lists every finding, grouped by severity with a count per group', () => {
    const { store } = setup();
    const { findings, counts } = selectProblems(store);
    expect(screen.getByText(/2 errors, 0 warnings, \d+ infos?/)).toBeInTheDocument();
    expect(within(errors()).getByRole('heading')).toHaveTextContent('Errors 2');
    expect(screen.queryByRole('region', { name: /^Warnings/ })).toBeNull();
    const info = screen.getByRole('region', { name: /^Information/ });
    expect(within(info).getAllByRole('listitem')).toHaveLength(counts.info);
    for (const f of findings) expect(screen.getByText(english(f.message))).toBeInTheDocument();
    expect(
      within(errors()).getByRole('button', {
        name: /Site server P01-SITE has no site database/,
      }),
    ).toBeInTheDocument();
  });

  it('selects what a finding concerns when it is clicked, keeps the panel open and asks to show it', async () => {
    const { store, user } = setup();
    await user.click(within(errors()).getByRole('button', { name: /P01-SITE has no site database/ }));
    expect(store.getState().selectedHostIds).toEqual(['site']);
    expect(store.getState().sidePanel).toBe('problems');
    expect(store.getState().reveal?.nodeIds).toEqual(['site', 'missing:sql-server@P01']);
  });

  it('fixes a finding with its Fix button; one Undo brings the finding back', async () => {
    const { store, user } = setup();
    const fix = within(errors()).getByRole('button', { name: 'Fix: Add a SQL Server for P01-MP01' });
    const steps = store.temporal.getState().pastStates.length;
    await user.click(fix);
    expect(store.temporal.getState().pastStates.length).toBe(steps + 1);
    expect(screen.queryByRole('region', { name: /^Errors/ })).toBeNull();
    expect(screen.queryByText(/has no site database/)).toBeNull();
    expect(store.getState().hosts.at(-1)?.name).toBe('P01-SQL01');
    const title = store.getState().notices.at(-1)?.title;
    expect(isMessage(title) ? english(title) : title).toBe('Fixed: Add a SQL Server for P01-MP01.');
    store.getState().undo();
    expect(await screen.findByText(/P01-SITE has no site database/)).toBeInTheDocument();
    expect(within(errors()).getAllByRole('listitem')).toHaveLength(2);
  });

  it('says so when the checks find nothing', () => {
    const store = makeStore(sampleDocument(catalogue));
    renderWithStore(store, <ProblemsPanel />);
    expect(screen.queryByRole('region', { name: /^Errors/ })).toBeNull();
    expect(screen.getByText(/0 errors, 0 warnings/)).toBeInTheDocument();
    expect(screen.getByText(/No errors or warnings/)).toBeInTheDocument();
  });

  it('speaks German: findings, fixes, headings and counts, no English left', async () => {
    await act(async () => {
      await appI18n.changeLanguage('de');
    });
    const { container } = setup();
    const errorGroup = screen.getByRole('region', { name: /^Fehler/ });
    expect(within(errorGroup).getByRole('heading')).toHaveTextContent('Fehler 2');
    expect(screen.getByText(/^2 Fehler, 0 Warnungen, \d+ Infos?$/)).toBeInTheDocument();
    expect(
      within(errorGroup).getByRole('button', {
        name: /^Der Standortserver P01-SITE hat keine Standortdatenbank/,
      }),
    ).toBeInTheDocument();
    expect(
      within(errorGroup).getByRole('button', { name: 'Beheben: SQL Server für P01-MP01 hinzufügen' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /^Informationen/ })).toBeInTheDocument();
    expect(englishIn(container, { allow: [/^P01-/, /^\d+$/] })).toEqual([]);
  });
});
