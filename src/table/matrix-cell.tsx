import { useTranslation } from 'react-i18next';
import { formatPort } from '@/domain/flow';
import { cellText, type FlowColumnKey, type FlowRow, sectionUrl } from '@/domain/rows';
import { useCatalogue } from '@/store/use-catalogue';
import { useCellWords } from './use-cell-words';

/** The zone boundary cell: a mark on a flow inside one zone, else why it counts as crossing. */
function ZoneBoundary({ row }: { row: FlowRow }) {
  const { t } = useTranslation('matrix');
  if (!row.crossesZone) {
    return <span className="matrix__inside-zone">{t('zones.inside', { zone: row.sourceZone })}</span>;
  }
  const unknown = row.sourceZoneId === '' || row.targetZoneId === '';
  return <>{unknown ? t('zones.crossesUnknown') : t('zones.crosses')}</>;
}

/** One cell of a flow row: the port (marked when high risk), linked sections, the service swatch, or text. */
export function MatrixCell({ row, columnId }: { row: FlowRow; columnId: string }) {
  const catalogue = useCatalogue();
  const { t } = useTranslation('matrix');
  const words = useCellWords();
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
  if (columnId === 'crossesZone') return <ZoneBoundary row={row} />;
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
