import type { TFunction } from 'i18next';
import type { Catalogue } from '@/domain/catalogue-types';
import { formatPort } from '@/domain/flow';
import type { CellWords } from '@/domain/matrix/row-words';
import { cellText, type FlowColumnKey, type FlowRow, sectionUrl } from '@/domain/rows';

/**
 * What every cell reads besides its row, made once by the table (a hook per cell cost more than
 * the cell: a thousand cells re-render when an edit changes the rows).
 */
export interface CellContext {
  readonly catalogue: Catalogue;
  readonly t: TFunction<'matrix'>;
  readonly words: CellWords;
}

/** The zone boundary cell: a mark on a flow inside one zone, else why it counts as crossing. */
function ZoneBoundary({ row, t }: { row: FlowRow; t: CellContext['t'] }) {
  if (!row.crossesZone) {
    return <span className="matrix__inside-zone">{t('zones.inside', { zone: row.sourceZone })}</span>;
  }
  const unknown = row.sourceZoneId === '' || row.targetZoneId === '';
  return <>{unknown ? t('zones.crossesUnknown') : t('zones.crosses')}</>;
}

/** One cell of a flow row: the port (marked when high risk), linked sections, the service swatch, or text. */
export function MatrixCell({ row, columnId, cell }: { row: FlowRow; columnId: string; cell: CellContext }) {
  const { catalogue, t, words } = cell;
  if (columnId === 'verified' && row.verified !== 'untested') {
    // A test's result, marked as on the canvas's links (colour and a sign, not colour alone).
    return (
      <span className={`matrix__result matrix__result--${row.verified}`}>
        {row.verified === 'blocked' ? '✕ ' : '✓ '}
        {words.checks[row.verified]}
      </span>
    );
  }
  if (columnId === 'port') {
    return (
      <span
        className={row.highRisk ? 'risk' : undefined}
        title={row.highRisk ? t('panel.highRiskPort') : undefined}
      >
        {formatPort(row.port)}
      </span>
    );
  }
  if (columnId === 'section') {
    return (
      <>
        {row.sections.map((anchor) => (
          <a
            key={anchor}
            className="section-link"
            href={sectionUrl(catalogue, anchor)}
            target="_blank"
            rel="noreferrer noopener"
            onClick={(e) => e.stopPropagation()}
          >
            {anchor}
          </a>
        ))}
      </>
    );
  }
  if (columnId === 'crossesZone') return <ZoneBoundary row={row} t={t} />;
  if (columnId === 'service') {
    return (
      <>
        <span
          className="swatch"
          style={{ background: catalogue.serviceById.get(row.serviceId)?.color }}
          aria-hidden="true"
        />
        {row.service}
      </>
    );
  }
  return <>{cellText(row, columnId as FlowColumnKey, words)}</>;
}
