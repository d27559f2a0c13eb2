/** The far layer's colours, read from the page's style (far-layer.tsx paints with them). */
import { ZONE_COLOURS } from '@/domain/zones/zone-kinds';
import type { FarPalette } from './far-paint';

/** A palette as read for one theme (a read forces a style recalculation). */
interface FarColours extends FarPalette {
  readonly theme: string | undefined;
}

const coloursOf = new WeakMap<Element, FarColours>();

/**
 * The far layer's colours as `element` shows them in the page's theme, read once per element and
 * theme.
 *
 * @param element - the canvas painted on (its style's custom properties)
 * @returns link, host and selected-host colours
 */
export function farColours(element: Element): FarPalette {
  const theme = document.documentElement.dataset.theme;
  const known = coloursOf.get(element);
  if (known && known.theme === theme) return known;
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const zones: Record<string, string> = {};
  for (const id of ZONE_COLOURS) zones[id] = read(`--zone-${id}`, '#94a3b8');
  // The share of its colour a zone node's background mixes in (`--zone-fill`, a percentage).
  const fill = Number.parseFloat(read('--zone-fill', '6%'));
  const colours = {
    theme,
    link: read('--link-neutral', '#94a3b8'),
    host: read('--canvas-far-host', '#cbd5e1'),
    chosen: read('--canvas-far-host-selected', '#3b82f6'),
    zones,
    zoneFill: Number.isFinite(fill) ? fill / 100 : 0.06,
    siteFill: read('--site-band-bg', 'rgb(100 116 139 / 0.07)'),
    siteEdge: read('--site-band-edge', 'rgb(100 116 139 / 0.45)'),
    // As a placeholder node's border says its severity.
    missing: {
      error: read('--danger', '#dc2626'),
      warning: read('--warn', '#d97706'),
      info: read('--border-strong', '#64748b'),
    },
  };
  coloursOf.set(element, colours);
  return colours;
}
