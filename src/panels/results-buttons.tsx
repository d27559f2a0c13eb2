import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { clearTestResults, importTestResults } from '@/store/results-commands';
import { useHasResults } from '@/store/results-view';
import { useAppStoreApi } from '@/store/store-context';
import { Icon } from './icons';

/**
 * Import test results… (a connectivity test's result CSV marks flows verified or blocked) beside
 * the estate import, and Clear test results while the diagram holds some. Icons named by their
 * labels: the toolbar must leave the diagram's name readable at 1366 px.
 */
export function ResultsButtons() {
  const store = useAppStoreApi();
  const input = useRef<HTMLInputElement>(null);
  const hasResults = useHasResults();
  const { t } = useTranslation('toolbar');
  return (
    <>
      <button
        type="button"
        className="tool-button tool-button--icon"
        onClick={() => input.current?.click()}
        aria-label={t('results.import')}
        title={t('results.importTitle')}
      >
        <Icon name="check" />
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="results-file"
        aria-label={t('results.input')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then((text) => importTestResults(store, text, file.name));
        }}
      />
      {hasResults && (
        <button
          type="button"
          className="tool-button tool-button--icon"
          onClick={() => clearTestResults(store)}
          aria-label={t('results.clear')}
          title={t('results.clearTitle')}
        >
          <Icon name="close" />
        </button>
      )}
    </>
  );
}
