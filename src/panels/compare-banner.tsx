import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkDeltas } from '@/store/compare-delta';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { isEditable } from '@/store/use-shortcuts';
import { ChangeTable } from './compare-table';

/** The legend's entries, in the order the dialog counts them. */
const LEGEND = ['added', 'removed', 'changed', 'unchanged'] as const;

/** A plain Escape for the page: not in a text field, a menu or a dialog (their own Escape closes them). */
function isPageEscape(event: KeyboardEvent): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
    return false;
  if (isEditable(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest('[role="menu"], [role="dialog"]'));
}

/**
 * Over the canvas while it shows a comparison: which file, what the link colours mean, the changes
 * on links the diagram no longer has (they cannot be drawn), Details (the dialog again) and
 * "Leave comparison"; Escape leaves too. Leaving gives links their usual colours.
 */
export function CompareBanner() {
  const store = useAppStoreApi();
  const comparison = useAppStore((s) => s.comparison);
  const elsewhere = useLinkDeltas()?.elsewhere ?? [];
  const { t } = useTranslation('compare');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPageEscape(event)) return;
      event.preventDefault();
      store.getState().leaveComparison();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  if (!comparison) return null;
  return (
    <section className="compare-banner" aria-label={t('banner.label')}>
      <div className="compare-banner__head">
        <h2 className="compare-banner__title">{t('banner.title', { file: comparison.fileName })}</h2>
        <button
          type="button"
          className="small-button small-button--quiet"
          onClick={() => store.getState().openCompareDialog()}
        >
          {t('banner.details')}
        </button>
        <button
          type="button"
          className="small-button"
          aria-keyshortcuts="Escape"
          onClick={() => store.getState().leaveComparison()}
        >
          {t('banner.leave')}
        </button>
      </div>
      <ul className="compare-banner__legend" aria-label={t('banner.legend')}>
        {LEGEND.map((key) => (
          <li key={key}>
            <span className={`compare-swatch compare-swatch--${key}`} aria-hidden="true" />
            {t(`banner.${key}`)}
          </li>
        ))}
      </ul>
      {elsewhere.length > 0 && (
        <details className="compare-banner__elsewhere">
          <summary>{t('banner.elsewhere', { count: elsewhere.length })}</summary>
          <ChangeTable entries={elsewhere} caption={t('banner.elsewhere', { count: elsewhere.length })} />
        </details>
      )}
    </section>
  );
}
