import { useMemo } from 'react';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import type { Link } from '@/domain/document';
import { formatPort } from '@/domain/flow';
import { summarizeLink } from '@/domain/link-summary';
import { DIRECTION_ONE_WAY, sectionUrl } from '@/domain/rows';
import { useCatalogue, useDerivation, useRowSource } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { Icon } from './icons';

/** Every flow of one link, as the matrix has them: who opens what, why, and where the document says so. */
export function LinkInspector({ link }: { link: Link }) {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const hosts = useAppStore((s) => s.hosts);
  // Only this link's rows are made, not the whole matrix (thousands of rows on a large estate).
  const rowSource = useRowSource();
  const { flows } = useDerivation();
  const rows = useMemo(() => rowSource.rowsOf(link.id), [rowSource, link.id]);
  // The same summary the canvas draws the link with.
  const summary = useMemo(
    () =>
      summarizeLink(
        link,
        flows.filter((f) => f.linkId === link.id),
        catalogue,
      ),
    [link, flows, catalogue],
  );
  const source = hosts.find((h) => h.id === link.source);
  const target = hosts.find((h) => h.id === link.target);
  const services = summary.services.map((id) => catalogue.serviceById.get(id));
  const { forward, backward } = summary;
  const direction =
    forward && backward
      ? 'Both hosts open connections'
      : forward
        ? `${source?.name} opens every connection`
        : backward
          ? `${target?.name} opens every connection`
          : 'No connections';

  return (
    <div className="inspector__body" key={link.id}>
      <div className="inspector__heading">
        <p className="eyebrow">Link</p>
        <h2 className="inspector__title">
          {source?.name ?? link.source} <span aria-hidden="true">{forward && backward ? '⇄' : '→'}</span>
          <span className="visually-hidden"> and </span> {target?.name ?? link.target}
        </h2>
        <p className="inspector__sub">
          {summary.flowCount} flow{summary.flowCount === 1 ? '' : 's'} · {direction}
        </p>
        <ul className="swatches" aria-label="Service classes on this link">
          {services.map(
            (s) =>
              s && (
                <li key={s.id}>
                  <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                  {s.name}
                </li>
              ),
          )}
        </ul>
      </div>
      {summary.empty ? (
        <p className="status-list status-list--error">
          The hosts’ roles share no rule in force, so this link carries no port. Add a role or delete the
          link.
        </p>
      ) : (
        <table className="flow-table" aria-label="Flows of this link">
          <thead>
            <tr>
              <th scope="col">Port</th>
              <th scope="col">Flow: initiator → responder, roles, service, notes, section</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.id}
                style={{
                  boxShadow: `inset 3px 0 0 ${catalogue.serviceById.get(r.serviceId)?.color ?? UNKNOWN_COLOUR}`,
                }}
              >
                <td className="flow-table__port">
                  <span className="proto">{r.protocol}</span>
                  <strong className={r.highRisk ? 'risk' : undefined}>{formatPort(r.port)}</strong>
                  {r.configurable && <span className="tag">configurable</span>}
                </td>
                <td>
                  <div className="flow-table__hosts">
                    {r.source} → {r.target}
                  </div>
                  <div className="muted">
                    {r.sourceRoles} → {r.targetRoles}
                    {r.direction !== DIRECTION_ONE_WAY && ` · ${r.direction}`}
                  </div>
                  <div className="flow-table__service">{r.service}</div>
                  {r.notes && <div className="muted">{r.notes}</div>}
                  <div className="flow-table__sections">
                    {r.sections.map((anchor) => (
                      <a
                        key={anchor}
                        className="section-link"
                        href={sectionUrl(catalogue, anchor)}
                        target="_blank"
                        rel="noreferrer noopener"
                      >
                        {anchor}
                      </a>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {link.inferred && (
        <p className="muted">
          An import inferred this link from the hierarchy rules; keep it to make it part of your diagram.
        </p>
      )}
      <div className="inspector__actions">
        {link.inferred && (
          <button type="button" onClick={() => store.getState().keepLinks([link.id])}>
            Keep inferred link
          </button>
        )}
        <button
          type="button"
          className="danger-button"
          onClick={() => store.getState().removeElements([], [link.id])}
        >
          <Icon name="trash" size={14} /> Delete link
        </button>
      </div>
    </div>
  );
}
