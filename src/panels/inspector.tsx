import { useDerivation } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { HostInspector } from './host-inspector';
import { Icon } from './icons';
import { LinkInspector } from './link-inspector';
import { ZoneInspector } from './zone-inspector';

function DocumentSummary() {
  const name = useAppStore((s) => s.name);
  const description = useAppStore((s) => s.description);
  const hostCount = useAppStore((s) => s.hosts.length);
  const linkCount = useAppStore((s) => s.links.length);
  const { flows, emptyLinks } = useDerivation();
  return (
    <div className="inspector__body">
      <div className="inspector__heading">
        <p className="eyebrow">Diagram</p>
        <h2 className="inspector__title">{name}</h2>
        {description && <p className="inspector__sub">{description}</p>}
      </div>
      <dl className="stats">
        <div>
          <dt>Hosts</dt>
          <dd>{hostCount}</dd>
        </div>
        <div>
          <dt>Links</dt>
          <dd>{linkCount}</dd>
        </div>
        <div>
          <dt>Flows</dt>
          <dd>{flows.length}</dd>
        </div>
      </dl>
      {emptyLinks.length > 0 && (
        <p className="status-list status-list--warning">
          {emptyLinks.length} link{emptyLinks.length === 1 ? ' carries' : 's carry'} no flow (drawn dashed
          red).
        </p>
      )}
      <section className="inspector__section help">
        <h3 className="section-title">How to</h3>
        <ul>
          <li>Drag a role onto the canvas for a new host, or onto a host to add the role.</li>
          <li>Drag from a host’s edge dot to another host to link them; the ports follow from the roles.</li>
          <li>Select a host or link to edit it here. Shift-click or Shift-drag selects several.</li>
          <li>Del deletes, Ctrl+C / Ctrl+V copy hosts with their links, Ctrl+Z undoes.</li>
        </ul>
      </section>
    </div>
  );
}

function SelectionSummary({ hostIds, linkIds }: { hostIds: readonly string[]; linkIds: readonly string[] }) {
  const store = useAppStoreApi();
  return (
    <div className="inspector__body">
      <div className="inspector__heading">
        <p className="eyebrow">Selection</p>
        <h2 className="inspector__title">
          {hostIds.length} host{hostIds.length === 1 ? '' : 's'}, {linkIds.length} link
          {linkIds.length === 1 ? '' : 's'}
        </h2>
      </div>
      <p className="muted">Ctrl+C copies the hosts and the links among them; Del deletes the selection.</p>
      <div className="inspector__actions">
        <button type="button" className="danger-button" onClick={() => store.getState().removeSelection()}>
          <Icon name="trash" size={14} /> Delete selection
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
