import { useCatalogue } from '@/store/derived';
import type { MatrixSize } from '@/store/ui-types';
import type { Grouping } from './matrix-columns';
import { ZONE_MESSAGES } from './matrix-messages';

const GROUPINGS: readonly { id: Grouping; label: string }[] = [
  { id: 'none', label: 'No grouping' },
  { id: 'pair', label: 'Host pair' },
  { id: 'zonePair', label: 'Zone pair' },
  { id: 'service', label: 'Service class' },
];

const SIZES: readonly { id: MatrixSize; label: string; fill: number }[] = [
  { id: 'collapsed', label: 'Collapse the flow matrix', fill: 2 },
  { id: 'normal', label: 'Flow matrix at normal size', fill: 5 },
  { id: 'large', label: 'Enlarge the flow matrix', fill: 10 },
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
  const { edition } = useCatalogue();
  return (
    <div className="matrix__bar">
      <h2 className="panel-title">Flow matrix</h2>
      <span className="matrix__count" aria-live="polite">
        {filtering ? `${shown} of ${total} flows` : `${total} flow${total === 1 ? '' : 's'}`}
      </span>
      {/* The rows and their section links follow this edition of the port document. */}
      <a
        className="matrix__count"
        href={edition.url}
        target="_blank"
        rel="noreferrer"
        title={edition.title}
        aria-label={`Edition ${edition.id}: ${edition.title}`}
      >
        Edition {edition.id}
      </a>
      <input
        type="search"
        className="matrix__search"
        placeholder="Filter all columns"
        aria-label="Filter all columns"
        value={props.globalFilter}
        onChange={(e) => props.onGlobalFilter(e.target.value)}
      />
      <label className="matrix__group-by" title={ZONE_MESSAGES.onlyCrossing}>
        <input
          type="checkbox"
          aria-label={ZONE_MESSAGES.onlyCrossing}
          checked={props.onlyCrossing}
          onChange={(e) => props.onOnlyCrossing(e.target.checked)}
        />
        <span aria-hidden="true">{ZONE_MESSAGES.onlyCrossingShort}</span>
      </label>
      <label className="matrix__group-by">
        <span>Group by</span>
        <select
          value={props.grouping}
          onChange={(e) => props.onGrouping(e.target.value as Grouping)}
          aria-label="Group rows by"
        >
          {GROUPINGS.map((g) => (
            <option key={g.id} value={g.id}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      {filtering && (
        <button type="button" className="text-button" onClick={props.onClearFilters}>
          Clear filters
        </button>
      )}
      <div className="matrix__sizes">
        {SIZES.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`icon-button${size === s.id ? ' is-on' : ''}`}
            aria-label={s.label}
            aria-pressed={size === s.id}
            title={s.label}
            onClick={() => props.onSize(s.id)}
          >
            <SizeIcon fill={s.fill} />
          </button>
        ))}
      </div>
    </div>
  );
}
