import type { Catalogue, Protocol } from '@/domain/catalogue-types';
import type { Link } from '@/domain/document';
import { comparePorts, type Flow, type FlowPort, formatPort } from '@/domain/flow';

/** How one link looks: its service classes, who initiates, and the ports for its label. */
export interface LinkModel {
  /** Service classes of the link's flows, in catalogue order, each drawn as its own stroke. */
  readonly services: readonly { readonly id: string; readonly name: string; readonly color: string }[];
  /** The link's source host opens at least one flow. */
  readonly forward: boolean;
  /** The link's target host opens at least one flow. */
  readonly backward: boolean;
  /** The hosts' roles share no rule in force: the link carries nothing. */
  readonly empty: boolean;
  /** Ports per protocol, sorted, each listed once. */
  readonly ports: readonly { readonly protocol: Protocol; readonly ports: readonly string[] }[];
  readonly flowCount: number;
  /** Some flow uses RPC's dynamic range (note 6). */
  readonly dynamic: boolean;
  /**
   * Where the label sits along the link, 0 at the source and 1 at the target: nearer the host with
   * fewer links, so labels of the many links around a hub do not pile up at it.
   */
  readonly labelAt: number;
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP'];

/** Builds the look of every link from the derived flows. */
export function linkModels(
  links: readonly Link[],
  flows: readonly Flow[],
  catalogue: Catalogue,
): ReadonlyMap<string, LinkModel> {
  const byLink = new Map<string, Flow[]>();
  for (const flow of flows) {
    const list = byLink.get(flow.linkId);
    if (list) list.push(flow);
    else byLink.set(flow.linkId, [flow]);
  }
  const order = new Map(catalogue.services.map((s, i) => [s.id, i]));
  const degree = new Map<string, number>();
  for (const l of links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  const out = new Map<string, LinkModel>();
  for (const link of links) {
    const own = byLink.get(link.id) ?? [];
    const serviceIds = new Set<string>();
    for (const f of own) for (const s of f.services.length > 0 ? f.services : [f.service]) serviceIds.add(s);
    const services = [...serviceIds]
      .sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99))
      .map((id) => {
        const s = catalogue.serviceById.get(id);
        return { id, name: s?.name ?? id, color: s?.color ?? '#64748b' };
      });
    const ports = PROTOCOLS.map((protocol) => {
      const unique = new Map<string, FlowPort>();
      for (const f of own) if (f.protocol === protocol) unique.set(formatPort(f.port), f.port);
      return { protocol, ports: [...unique.values()].sort(comparePorts).map(formatPort) };
    }).filter((p) => p.ports.length > 0);
    out.set(link.id, {
      services,
      forward: own.some((f) => f.initiator === link.source),
      backward: own.some((f) => f.initiator === link.target),
      empty: own.length === 0,
      ports,
      flowCount: own.length,
      dynamic: own.some((f) => f.dynamic),
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

/** Label detail for a zoom level: readable when close, a count when far, hidden when tiny. */
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

/** The label lines of a link: `TCP 80 443 10123`, one line per protocol, long lists cut with `+n`. */
export function labelLines(model: LinkModel, detail: LabelDetail, maxPorts = 7): string[] {
  if (detail === 'none') return [];
  if (model.empty) return ['no ports'];
  if (detail === 'short') {
    const n = model.ports.reduce((sum, p) => sum + p.ports.length, 0);
    return [`${n} port${n === 1 ? '' : 's'}`];
  }
  return model.ports.map(({ protocol, ports }) =>
    ports.length > maxPorts
      ? `${protocol} ${ports.slice(0, maxPorts - 1).join(' ')} +${ports.length - maxPorts + 1}`
      : `${protocol} ${ports.join(' ')}`,
  );
}
