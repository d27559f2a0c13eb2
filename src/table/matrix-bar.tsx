import { useTranslation } from 'react-i18next';
import type { MatrixSize } from '@/store/ui-types';
import { useWords } from '@/store/use-words';
import type { Grouping } from './matrix-columns';

/** The groupings in menu order; each is named by `matrix:groupings.<id>`. */
const GROUPINGS: readonly Grouping[] = ['none', 'pair', 'zonePair', 'service'];

/** The sizes; each is named by `matrix:sizes.<id>`. */
const SIZES: readonly { id: MatrixSize; fill: number }[] = [
  { id: 'collapsed', fill: 2 },
  { id: 'normal', fill: 5 },
  { id: 'large', fill: 10 },
];

/** A panel outline whose lower part is filled as high as the matrix would be. */
function SizeIcon({ fill }: { fill: number }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <rect
        x="1.5"
        y="1.5"
        width="13"
        height="13"
        rx="2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
      />
      <rect x="1.5" y={14.5 - fill} width="13" height={fill} rx="1" fill="currentColor" />
    </svg>
  );
}

export interface MatrixBarProps {
  readonly total: number;
  readonly shown: number;
  readonly filtering: boolean;
  readonly globalFilter: string;
  readonly onGlobalFilter: (text: string) => void;
  readonly grouping: Grouping;
  readonly onGrouping: (grouping: Grouping) => void;
  readonly onlyCrossing: boolean;
  readonly onOnlyCrossing: (only: boolean) => void;
  readonly onClearFilters: () => void;
  readonly size: MatrixSize;
  readonly onSize: (size: MatrixSize) => void;
}

/**
 * The matrix's title bar: the count, the edition in force, the overall filter, only crossing
 * flows, grouping, clearing filters and the size.
 */
export function MatrixBar(props: MatrixBarProps) {
  const { total, shown, filtering, size } = props;
  // The edition as the app's language names it (the catalogue in that language).
  const { edition } = useWords().catalogue;
  const { t } = useTranslation('matrix');
  return (
    <div className="matrix__bar">
      <h2 className="panel-title">{t('panel.title')}</h2>
      <span className="matrix__count" aria-live="polite">
        {filtering ? t('panel.countFiltered', { shown, total }) : t('panel.count', { count: total })}
      </span>
      {/* The rows and their section links follow this edition of the port document. */}
      <a
        className="matrix__count"
        href={edition.url}
        target="_blank"
        rel="noreferrer"
        title={edition.title}
        aria-label={t('panel.editionLabel', { id: edition.id, title: edition.title })}
      >
        {t('panel.edition', { id: edition.id })}
      </a>
      <input
        type="search"
        className="matrix__search"
        placeholder={t('panel.filterAll')}
        aria-label={t('panel.filterAll')}
        value={props.globalFilter}
        onChange={(e) => props.onGlobalFilter(e.target.value)}
      />
      <label className="matrix__group-by" title={t('zones.onlyCrossing')}>
        <input
          type="checkbox"
          aria-label={t('zones.onlyCrossing')}
          checked={props.onlyCrossing}
          onChange={(e) => props.onOnlyCrossing(e.target.checked)}
        />
        <span aria-hidden="true">{t('zones.onlyCrossingShort')}</span>
      </label>
      <label className="matrix__group-by">
        <span>{t('panel.groupBy')}</span>
        <select
          value={props.grouping}
          onChange={(e) => props.onGrouping(e.target.value as Grouping)}
          aria-label={t('panel.groupRowsBy')}
        >
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`groupings.${g}`)}
            </option>
          ))}
        </select>
      </label>
      {filtering && (
        <button type="button" className="text-button" onClick={props.onClearFilters}>
          {t('panel.clearFilters')}
        </button>
      )}
      <div className="matrix__sizes">
        {SIZES.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`icon-button${size === s.id ? ' is-on' : ''}`}
            aria-label={t(`sizes.${s.id}`)}
            aria-pressed={size === s.id}
            title={t(`sizes.${s.id}`)}
            onClick={() => props.onSize(s.id)}
          >
            <SizeIcon fill={s.fill} />
          </button>
        ))}
      </div>
    </div>
  );
}
