import { useTranslation } from 'react-i18next';
import { flowListOf } from '@/domain/derive';
import { useDerivation } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useWords } from '@/store/use-words';
import { HostInspector } from './host-inspector';
import { Icon } from './icons';
import { LinkInspector } from './link-inspector';
import { ZoneInspector } from './zone-inspector';

function DocumentSummary() {
  const { t } = useTranslation('panels');
  const { number } = useWords();
  const name = useAppStore((s) => s.name);
  const description = useAppStore((s) => s.description);
  const hostCount = useAppStore((s) => s.hosts.length);
  const linkCount = useAppStore((s) => s.links.length);
  const derivation = useDerivation();
  const { emptyLinks } = derivation;
  return (
    <div className="inspector__body">
      <div className="inspector__heading">
        <p className="eyebrow">{t('inspector.eyebrow')}</p>
        <h2 className="inspector__title">{name}</h2>
        {description && <p className="inspector__sub">{description}</p>}
      </div>
      <dl className="stats">
        <div>
          <dt>{t('inspector.hosts')}</dt>
          <dd>{number(hostCount)}</dd>
        </div>
        <div>
          <dt>{t('inspector.links')}</dt>
          <dd>{number(linkCount)}</dd>
        </div>
        <div>
          <dt>{t('inspector.flows')}</dt>
          <dd>{number(flowListOf(derivation).length)}</dd>
        </div>
      </dl>
      {emptyLinks.length > 0 && (
        <p className="status-list status-list--warning">
          {t('inspector.emptyLinks', { count: emptyLinks.length })}
        </p>
      )}
      <section className="inspector__section help">
        <h3 className="section-title">{t('inspector.howTo')}</h3>
        <ul>
          <li>{t('inspector.help.drag')}</li>
          <li>{t('inspector.help.link')}</li>
          <li>{t('inspector.help.select')}</li>
          <li>{t('inspector.help.keys')}</li>
        </ul>
      </section>
    </div>
  );
}

function SelectionSummary({ hostIds, linkIds }: { hostIds: readonly string[]; linkIds: readonly string[] }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  return (
    <div className="inspector__body">
      <div className="inspector__heading">
        <p className="eyebrow">{t('inspector.selection.eyebrow')}</p>
        <h2 className="inspector__title">
          {t('inspector.selection.title', {
            hosts: t('inspector.selection.hosts', { count: hostIds.length }),
            links: t('inspector.selection.links', { count: linkIds.length }),
          })}
        </h2>
      </div>
      <p className="muted">{t('inspector.selection.help')}</p>
      <div className="inspector__actions">
        <button type="button" className="danger-button" onClick={() => store.getState().removeSelection()}>
          <Icon name="trash" size={14} /> {t('inspector.selection.delete')}
        </button>
      </div>
    </div>
  );
}

/** The right-hand panel for the selection: a host, a link, several things, or the whole diagram. */
export function Inspector() {
  const hostIds = useAppStore((s) => s.selectedHostIds);
  const linkIds = useAppStore((s) => s.selectedLinkIds);
  const hosts = useAppStore((s) => s.hosts);
  const links = useAppStore((s) => s.links);
  const zoneIds = useAppStore((s) => s.selectedZoneIds);
  const zones = useAppStore((s) => s.zones);
  // Undo can remove what was selected: only ids that still exist count.
  const liveHosts = hostIds.filter((id) => hosts.some((h) => h.id === id));
  const liveLinks = linkIds.filter((id) => links.some((l) => l.id === id));
  const zone = zoneIds.length === 1 ? zones.find((z) => z.id === zoneIds[0]) : undefined;
  if (zone && liveHosts.length + liveLinks.length === 0) return <ZoneInspector zone={zone} />;
  if (liveHosts.length === 1 && liveLinks.length === 0) {
    const host = hosts.find((h) => h.id === liveHosts[0]);
    if (host) return <HostInspector host={host} />;
  }
  if (liveLinks.length === 1 && liveHosts.length === 0) {
    const link = links.find((l) => l.id === liveLinks[0]);
    if (link) return <LinkInspector link={link} />;
  }
  if (liveHosts.length + liveLinks.length > 1)
    return <SelectionSummary hostIds={liveHosts} linkIds={liveLinks} />;
  return <DocumentSummary />;
}
