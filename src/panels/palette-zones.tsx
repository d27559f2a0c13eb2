import { ZONE_KINDS } from '@/domain/zones/zone-kinds';
import { ZONE_DRAG_TYPE } from '@/store/drag-role';
import { useAppStoreApi } from '@/store/store-context';

const TEXT = {
  title: 'Network zones',
  add: (kind: string) => `Draw zone ${kind}`,
  hint: 'Drag onto the canvas, or click to add a zone in the middle of the view. Drag hosts into it.',
} as const;

/**
 * The palette's zone kinds (data/zones.json): drag one onto the canvas for a zone there, or click
 * for one in the middle of the view. A zone around selected hosts comes from Ctrl+G or the menu.
 */
export function PaletteZones({ filter }: { filter: string }) {
  const store = useAppStoreApi();
  const q = filter.trim().toLowerCase();
  const kinds = ZONE_KINDS.filter((k) => q === '' || k.name.toLowerCase().includes(q));
  if (kinds.length === 0) return null;
  return (
    <section className="palette__group" aria-labelledby="palette-zones">
      <h3 id="palette-zones" className="palette__group-title">
        {TEXT.title}
      </h3>
      <ul>
        {kinds.map((kind) => (
          <li key={kind.id}>
            <button
              type="button"
              className="palette__item"
              draggable
              aria-label={TEXT.add(kind.name)}
              title={TEXT.hint}
              onDragStart={(e) => {
                e.dataTransfer.setData(ZONE_DRAG_TYPE, kind.id);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => store.getState().addZone(undefined, kind.id)}
            >
              <span className={`palette__zone-swatch zone--${kind.colour}`} aria-hidden="true" />
              <span className="palette__name">{kind.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
