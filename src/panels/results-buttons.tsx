import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { clearTestResults, importTestResults } from '@/store/results-commands';
import { useHasResults } from '@/store/results-view';
import { useAppStoreApi } from '@/store/store-context';
import type { MenuItem } from './menu-button';

/**
 * Import test results… (a connectivity test's result CSV marks flows verified or blocked) and
 * Clear test results, as items of the Export menu beside Compare with… (what comes back after a
 * request), with the file input they open. In the menu, not as toolbar buttons: the toolbar must
 * leave the diagram's name readable at 1366 px.
 *
 * @returns The menu items and the hidden file input to render once.
 */
export function useResultsItems(): { readonly items: MenuItem[]; readonly input: ReactNode } {
  const store = useAppStoreApi();
  const file = useRef<HTMLInputElement>(null);
  const hasResults = useHasResults();
  const { t } = useTranslation('toolbar');
  const group = t('results.group');
  const items: MenuItem[] = [
    {
      id: 'results-import',
      label: t('results.import'),
      group,
      hint: t('results.importHint'),
      onSelect: () => file.current?.click(),
    },
    {
      id: 'results-clear',
      label: t('results.clear'),
      group,
      disabled: !hasResults,
      hint: hasResults ? t('results.clearHint') : t('results.noneHint'),
      onSelect: () => clearTestResults(store),
    },
  ];
  const input = (
    <input
      ref={file}
      type="file"
      accept=".csv,text/csv"
      hidden
      data-testid="results-file"
      aria-label={t('results.input')}
      onChange={(e) => {
        const picked = e.target.files?.[0];
        e.target.value = '';
        if (picked) void picked.text().then((text) => importTestResults(store, text, picked.name));
      }}
    />
  );
  return { items, input };
}
