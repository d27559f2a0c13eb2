import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { deltaEntries } from '@/domain/delta/compare-flows';
import type { FlowDelta } from '@/domain/delta/delta-types';
import { useDelta, useLinkDeltas } from '@/store/compare-delta';
import type { EarlierRequest } from '@/store/compare-slice';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useWords } from '@/store/use-words';
import { CompareBanner } from './compare-banner';
import { ChangeTable, SHOWN_ROWS } from './compare-table';
import type { CompareFlow } from './use-compare';

const ACCEPT =
  '.json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function Counts({ delta }: { delta: FlowDelta }) {
  const { t } = useTranslation('compare');
  const { number } = useWords();
  const counts = [
    ['added', delta.added.length],
    ['removed', delta.removed.length],
    ['changed', delta.changed.length],
    ['unchanged', delta.unchanged],
  ] as const;
  return (
    <dl className="stats compare-dialog__counts" aria-label={t('dialog.counts')}>
      {counts.map(([key, n]) => (
        <div key={key} className={`compare-count compare-count--${key}`}>
          <dt>{t(`dialog.${key}`)}</dt>
          <dd>{number(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Skipped({ comparison }: { comparison: EarlierRequest }) {
  const { t } = useTranslation('compare');
  const { say } = useWords();
  if (comparison.skipped.length === 0) return null;
  return (
    <details className="compare-dialog__skipped">
      <summary>{t('dialog.skipped', { count: comparison.skipped.length })}</summary>
      <ul>
        {comparison.skipped.slice(0, SHOWN_ROWS).map((text, i) => (
          <li key={i}>{say(text)}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The comparison's dialog: the counts (to add, to remove, ports changed, unchanged), the changes
 * themselves, the rows of the earlier file left out, and the downloads. "Show on canvas" colours
 * the links; Close or Escape ends a comparison the canvas does not show.
 */
export function CompareDialog({ compare }: { compare: CompareFlow }) {
  const store = useAppStoreApi();
  const comparison = useAppStore((s) => s.comparison);
  const delta = useDelta();
  const elsewhere = useLinkDeltas()?.elsewhere ?? [];
  const { t } = useTranslation('compare');
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  if (!comparison || !delta) return null;
  const entries = deltaEntries(delta);
  const close = () => store.getState().closeCompareDialog();
  return (
    <div className="overlay">
      <div
        className="dialog dialog--wide compare-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="compare-title"
        aria-describedby="compare-summary"
        aria-busy={compare.busy}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        <h2 id="compare-title" className="dialog__title">
          {t('dialog.title', { file: comparison.fileName })}
        </h2>
        <p id="compare-summary">
          {t('dialog.summary', { file: comparison.fileName })}
          {entries.length === 0 && ` ${t('dialog.nothing')}`}
        </p>
        <Counts delta={delta} />
        {entries.length > 0 && <ChangeTable entries={entries} caption={t('dialog.changes')} />}
        {elsewhere.length > 0 && (
          <p className="compare-dialog__note">{t('dialog.elsewhere', { count: elsewhere.length })}</p>
        )}
        <Skipped comparison={comparison} />
        <div className="dialog__actions compare-dialog__actions">
          <button type="button" className="small-button small-button--quiet" onClick={close}>
            {t('dialog.close')}
          </button>
          <button
            type="button"
            className="small-button"
            disabled={compare.busy || entries.length === 0}
            onClick={() => void compare.download('xlsx')}
          >
            {t('dialog.downloadXlsx')}
          </button>
          <button
            type="button"
            className="small-button"
            disabled={compare.busy || entries.length === 0}
            onClick={() => void compare.download('csv')}
          >
            {t('dialog.downloadCsv')}
          </button>
          <button
            type="button"
            ref={first}
            className="small-button"
            onClick={() => store.getState().showComparison()}
          >
            {t('dialog.show')}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * Everything "Compare with…" shows: the hidden file input the Export menu's item clicks, the
 * dialog while it is open, and the banner while the canvas shows the comparison.
 */
export function CompareView({ compare }: { compare: CompareFlow }) {
  const { t } = useTranslation('compare');
  const dialogOpen = useAppStore((s) => s.compareDialogOpen);
  const view = useAppStore((s) => s.compareView);
  return (
    <>
      <input
        ref={compare.input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label={t('menu.input')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void compare.openFile(file);
        }}
      />
      {dialogOpen && <CompareDialog compare={compare} />}
      {view && <CompareBanner />}
    </>
  );
}
