import { useTranslation } from 'react-i18next';
import { ZONE_KINDS } from '@/domain/zones/zone-kinds';
import { ZONE_DRAG_TYPE } from '@/store/drag-role';
import { useAppStoreApi } from '@/store/store-context';
import { useZoneKindName } from './zone-kind-name';

/**
 * The palette's zone kinds (data/zones.json): drag one onto the canvas for a zone there, or click
 * for one in the middle of the view. A zone around selected hosts comes from Ctrl+G or the menu.
 */
export function PaletteZones({ filter }: { filter: string }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('panels');
  const kindName = useZoneKindName();
  const q = filter.trim().toLowerCase();
  // Found by its English or German name, whichever language the app speaks.
  const kinds = ZONE_KINDS.map((k) => ({ ...k, shown: kindName(k.id) })).filter(
    (k) => q === '' || [k.name, k.nameDe].some((n) => n.toLowerCase().includes(q)),
  );
  if (kinds.length === 0) return null;
  return (
    <section className="palette__group" aria-labelledby="palette-zones">
      <h3 id="palette-zones" className="palette__group-title">
        {t('paletteZones.title')}
      </h3>
      <ul>
        {kinds.map((kind) => (
          <li key={kind.id}>
            <button
              type="button"
              className="palette__item"
              draggable
              aria-label={t('paletteZones.add', { kind: kind.shown })}
              title={t('paletteZones.hint')}
              onDragStart={(e) => {
                e.dataTransfer.setData(ZONE_DRAG_TYPE, kind.id);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => store.getState().addZone(undefined, kind.id)}
            >
              <span className={`palette__zone-swatch zone--${kind.colour}`} aria-hidden="true" />
              <span className="palette__name">{kind.shown}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
