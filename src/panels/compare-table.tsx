import { useTranslation } from 'react-i18next';
import { deltaCellText } from '@/domain/delta/delta-columns';
import type { DeltaEntry } from '@/domain/delta/delta-types';
import { deltaChangeWords } from '@/i18n/row-words';
import { useWords } from '@/store/use-words';

/** Rows a list shows; the downloads hold every one. */
export const SHOWN_ROWS = 50;

/** The change list: what the firewall team is asked to add, remove and change, link by link. */
export function ChangeTable({ entries, caption }: { entries: readonly DeltaEntry[]; caption: string }) {
  const { t } = useTranslation(['compare', 'export']);
  const { language } = useWords();
  const changes = deltaChangeWords(language);
  return (
    <div className="compare-dialog__scroll">
      <table className="compare-dialog__table">
        <caption className="section-title">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('export:delta.columns.change')}</th>
            <th scope="col">{t('dialog.linkColumn')}</th>
            <th scope="col">{t('export:delta.columns.protocol')}</th>
            <th scope="col">{t('export:delta.columns.portsBefore')}</th>
            <th scope="col">{t('export:delta.columns.portsAfter')}</th>
            <th scope="col">{t('export:delta.columns.service')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.slice(0, SHOWN_ROWS).map((e, i) => (
            <tr key={i} className={`compare-row compare-row--${e.change}`}>
              <td>
                <span className={`compare-swatch compare-swatch--${e.change}`} aria-hidden="true" />
                {changes[e.change]}
              </td>
              <td>{t('dialog.link', { source: e.source, target: e.target })}</td>
              <td>{e.protocol}</td>
              <td>{deltaCellText(e, 'portsBefore', changes)}</td>
              <td>{deltaCellText(e, 'portsAfter', changes)}</td>
              <td>{e.service}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length > SHOWN_ROWS && (
        <p className="compare-dialog__note">{t('dialog.firstShown', { shown: SHOWN_ROWS })}</p>
      )}
    </div>
  );
}
