import { type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneKindName } from '@/domain/zones/zone-kinds';
import { useAppStoreApi } from '@/store/store-context';
import type { SiteNodeType, ZoneNodeType } from './canvas-types';
import { useElementWords } from './element-words';

/** Smallest box a zone can be resized to: room for its title and one host. */
const MIN_ZONE = { width: 200, height: 120 } as const;

/** The zone's name as a field after a double-click on its title: Enter or leaving it renames, Escape keeps it. */
function ZoneNameField({ zoneId, name, onDone }: { zoneId: string; name: string; onDone: () => void }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('canvas');
  const commit = (value: string) => {
    onDone();
    if (value.trim() === '' || value === name) return;
    const refused = store.getState().updateZone(zoneId, { name: value });
    if (refused) store.getState().notify({ tone: 'warning', title: refused });
  };
  return (
    <input
      className="zone-node__name-field nodrag"
      aria-label={t('zone.nameField')}
      defaultValue={name}
      // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this zone by double-clicking it
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        else if (e.key === 'Escape') onDone();
      }}
    />
  );
}

/**
 * A network zone: a tinted box holding its hosts (their parent node), with a title bar to drag it
 * by (name, kind, address ranges) and handles to resize it while selected. The colour comes from a
 * token per colour id (`--zone-<id>`), so dark mode has its own shades.
 */
export const ZoneNode = memo(function ZoneNode({ data, selected }: NodeProps<ZoneNodeType>) {
  const [renaming, setRenaming] = useState(false);
  // The canvas's words, looked up once for all zones (a useTranslation per zone cost 0.2 ms each).
  const {
    zoneTitle,
    zoneHosts,
    words: { language },
  } = useElementWords();
  const { zone, hostCount } = data;
  // The kind's name in the app's language from its one source (data/zones.json), as the panels say it.
  const kindName = zoneKindName(zone.kind, language);
  // A zone named as its kind ("Datacenter", a datacenter) says it once.
  const namedAsKind = zone.name.trim().toLocaleLowerCase(language) === kindName.toLocaleLowerCase(language);
  const ranges = zone.cidrs?.join(', ');
  return (
    <div className={`zone-node${selected ? ' zone-node--selected' : ''}`}>
      <NodeResizer
        isVisible={selected}
        minWidth={MIN_ZONE.width}
        minHeight={MIN_ZONE.height}
        color="var(--zone-edge)"
      />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click to rename is a mouse shortcut; the zone inspector's name field is the keyboard way */}
      <div className="zone-node__title" onDoubleClick={() => setRenaming(true)}>
        {renaming ? (
          <ZoneNameField zoneId={zone.id} name={zone.name} onDone={() => setRenaming(false)} />
        ) : (
          <span className="zone-node__name" title={zoneTitle(zone.name)}>
            {zone.name}
          </span>
        )}
        {!namedAsKind && <span className="zone-node__kind">{kindName}</span>}
        {ranges && (
          <span className="zone-node__cidrs" title={ranges}>
            {ranges}
          </span>
        )}
        <span className="zone-node__count">{zoneHosts(hostCount)}</span>
      </div>
    </div>
  );
});

/** A site's band behind its hosts: the site code, its type and its parent site. */
export const SiteNode = memo(function SiteNode({ data }: NodeProps<SiteNodeType>) {
  return (
    <div className="site-node">
      <span className="site-node__label">
        <strong>{data.code}</strong>
        {data.typeName && <span> · {data.typeName}</span>}
        {data.parentSite && <span className="site-node__parent"> ↑ {data.parentSite}</span>}
      </span>
    </div>
  );
});
