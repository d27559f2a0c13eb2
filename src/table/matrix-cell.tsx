import { formatPort } from '@/domain/flow';
import { cellText, type FlowColumnKey, type FlowRow, sectionUrl } from '@/domain/rows';
import { useCatalogue } from '@/store/derived';

/** One cell of a flow row: the port (marked when high risk), linked sections, the service swatch, or text. */
export function MatrixCell({ row, columnId }: { row: FlowRow; columnId: string }) {
  const catalogue = useCatalogue();
  if (columnId === 'port') {
    return (
      <span
        className={row.highRisk ? 'risk' : undefined}
        title={row.highRisk ? 'RPC dynamic range: high risk (note 6)' : undefined}
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
  return <>{cellText(row, columnId as FlowColumnKey)}</>;
}
