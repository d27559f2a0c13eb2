import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import type { Link } from '@/domain/document';
import { formatPort } from '@/domain/flow';
import { createLinkSummarizer, summarizeLink } from '@/domain/link-summary';
import { sectionUrl } from '@/domain/rows';
import { useDerivation, useHostLookup, useRowSource } from '@/store/derived';
import { linkContents } from '@/store/flow-use';
import { useHasResults } from '@/store/results-view';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import { useWords } from '@/store/use-words';
import { Icon } from './icons';

/** Every flow of one link, as the matrix has them: who opens what, why, and where the document says so. */
export function LinkInspector({ link }: { link: Link }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const catalogue = useCatalogue();
  // Service names as the app's language writes them.
  const words = useWords().catalogue;
  const hosts = useHostLookup();
  // Once a test was imported, every flow says what it found (untested ones too).
  const tested = useHasResults();
  // Only this link's rows are made, not the whole matrix (thousands of rows on a large estate).
  const rowSource = useRowSource();
  const derivation = useDerivation();
  const links = useAppStore((s) => s.links);
  const rows = useMemo(() => rowSource.rowsOf(link.id), [rowSource, link.id]);
  const summarizer = useMemo(() => createLinkSummarizer(catalogue), [catalogue]);
  // The same summary the canvas draws the link with: from the engine's flows of this link (no
  // walk over every flow), or from the flows that name it.
  const summary = useMemo(() => {
    const own = linkContents(derivation, links, link);
    if (own) return summarizer.of(own.ab, own.ba);
    return summarizeLink(
      link,
      derivation.flows.filter((f) => f.linkId === link.id),
      catalogue,
    );
  }, [link, links, derivation, summarizer, catalogue]);
  const source = hosts.get(link.source);
  const target = hosts.get(link.target);
  const services = summary.services.map((id) => words.serviceById.get(id));
  const { forward, backward } = summary;
  const direction =
    forward && backward
      ? t('linkInspector.both')
      : forward
        ? t('linkInspector.oneOpens', { host: source?.name })
        : backward
          ? t('linkInspector.oneOpens', { host: target?.name })
          : t('linkInspector.none');

  return (
    <div className="inspector__body" key={link.id}>
      <div className="inspector__heading">
        <p className="eyebrow">{t('linkInspector.eyebrow')}</p>
        <h2 className="inspector__title">
          {source?.name ?? link.source} <span aria-hidden="true">{forward && backward ? '⇄' : '→'}</span>
          <span className="visually-hidden"> {t('linkInspector.and')} </span> {target?.name ?? link.target}
        </h2>
        <p className="inspector__sub">{t('linkInspector.sub', { count: summary.flowCount, direction })}</p>
        <ul className="swatches" aria-label={t('linkInspector.services')}>
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
        <p className="status-list status-list--error">{t('linkInspector.empty')}</p>
      ) : (
        <table className="flow-table" aria-label={t('linkInspector.flows')}>
          <thead>
            <tr>
              <th scope="col">{t('linkInspector.port')}</th>
              <th scope="col">{t('linkInspector.flowColumn')}</th>
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
                  {r.configurable && <span className="tag">{t('linkInspector.configurable')}</span>}
                  {tested && (
                    <span className={`tag tag--result tag--${r.verified}`}>
                      {t(`linkInspector.result.${r.verified}`)}
                    </span>
                  )}
                </td>
                <td>
                  <div className="flow-table__hosts">
                    {r.source} → {r.target}
                  </div>
                  <div className="muted">
                    {r.sourceRoles} → {r.targetRoles}
                    {r.bothInitiate && ` · ${r.direction}`}
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
      {link.inferred && <p className="muted">{t('linkInspector.inferred')}</p>}
      <div className="inspector__actions">
        {link.inferred && (
          <button type="button" onClick={() => store.getState().keepLinks([link.id])}>
            {t('linkInspector.keep')}
          </button>
        )}
        <button
          type="button"
          className="danger-button"
          onClick={() => store.getState().removeElements([], [link.id])}
        >
          <Icon name="trash" size={14} /> {t('linkInspector.delete')}
        </button>
      </div>
    </div>
  );
}
