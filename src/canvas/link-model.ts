import type { Catalogue } from '@/domain/catalogue-types';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import type { Link } from '@/domain/document';
import { type Flow, formatPort } from '@/domain/flow';
import { type LinkSummary, linkSummaries } from '@/domain/link-summary';

/** A service class as a link draws it: one stroke in its colour. */
export interface LinkStroke {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/**
 * How one link looks: the domain's {@link LinkSummary} (directions, ports, counts), its service
 * classes with names and colours, and where its label sits.
 */
export interface LinkModel extends Omit<LinkSummary, 'services'> {
  /** Service classes of the link's flows, in catalogue order, each drawn as its own stroke. */
  readonly services: readonly LinkStroke[];
  /**
   * Where the label sits along the link, 0 at the source and 1 at the target: nearer the host with
   * fewer links, so labels of the many links around a hub do not pile up at it.
   */
  readonly labelAt: number;
}

/**
 * One stroke object per service class, made on first use and shared by every link that carries it.
 *
 * @returns the stroke of a service id (the unknown colour for an id the catalogue lacks)
 */
export function strokesOf(catalogue: Catalogue): (id: string) => LinkStroke {
  const strokes = new Map<string, LinkStroke>();
  return (id) => {
    let stroke = strokes.get(id);
    if (!stroke) {
      const s = catalogue.serviceById.get(id);
      stroke = { id, name: s?.name ?? id, color: s?.color ?? UNKNOWN_COLOUR };
      strokes.set(id, stroke);
    }
    return stroke;
  };
}

/** Builds the look of every link from the derived flows. */
export function linkModels(
  links: readonly Link[],
  flows: readonly Flow[],
  catalogue: Catalogue,
): ReadonlyMap<string, LinkModel> {
  const summaries = linkSummaries(links, flows, catalogue);
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const strokeOf = strokesOf(catalogue);
  const out = new Map<string, LinkModel>();
  for (const link of links) {
    const summary = summaries.get(link.id);
    if (!summary) continue;
    out.set(link.id, {
      services: summary.services.map(strokeOf),
      forward: summary.forward,
      backward: summary.backward,
      empty: summary.empty,
      flowCount: summary.flowCount,
      ports: summary.ports,
      dynamic: summary.dynamic,
      labelAt: labelPosition(degree.get(link.source) ?? 1, degree.get(link.target) ?? 1),
    });
  }
  return out;
}

/** 0.5 between equals; up to 0.2 from the middle towards the quieter end. */
export function labelPosition(sourceLinks: number, targetLinks: number): number {
  if (sourceLinks === targetLinks) return 0.5;
  const skew = Math.min(0.2, 0.05 * Math.abs(sourceLinks - targetLinks) + 0.05);
  return sourceLinks > targetLinks ? 0.5 + skew : 0.5 - skew;
}

/** How much a link label shows: everything, a count, or nothing (by zoom). */
export type LabelDetail = 'full' | 'short' | 'none';

/** Label detail for a zoom level: every port when close, the first few when far, hidden when tiny. */
export function labelDetail(zoom: number): LabelDetail {
  if (zoom < 0.35) return 'none';
  if (zoom < 0.7) return 'short';
  return 'full';
}

/**
 * How much a label is enlarged against the zoom so its text stays legible (about 8 px on screen)
 * when the view is zoomed out, without growing when zoomed in.
 */
export function labelScale(zoom: number): number {
  return Math.min(1.8, Math.max(1, 0.75 / zoom));
}

/** Ports a short label lists per protocol before it says `+n`. */
const SHORT_PORTS = 4;

/**
 * The label lines of a link: `TCP 80 443 10123`, one line per protocol, long lists cut with `+n`;
 * `noPorts` (the words for "no ports" in the app's language) for a link that carries none.
 * A short label (zoomed out) still names ports, never just a count (issue 12): fewer of them.
 */
export function labelLines(model: LinkModel, detail: LabelDetail, noPorts: string, maxPorts = 7): string[] {
  if (detail === 'none') return [];
  if (model.empty) return [noPorts];
  // Ports become text here, where the label is written.
  const line = ({ protocol, ports }: LinkModel['ports'][number], max: number) =>
    ports.length > max
      ? `${protocol} ${ports
          .slice(0, max - 1)
          .map(formatPort)
          .join(' ')} +${ports.length - max + 1}`
      : `${protocol} ${ports.map(formatPort).join(' ')}`;
  return model.ports.map((p) => line(p, detail === 'full' ? maxPorts : Math.min(maxPorts, SHORT_PORTS)));
}
