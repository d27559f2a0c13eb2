/**
 * The canvas's link labels as label-layout.ts places them: every link's label text, size and
 * priority from the document, the measured host sizes and the zoom's label detail. Pure.
 */
import type { Host, Link, Position } from '@/domain/document';
import type { ElementStatus } from '@/store/derived';
import type { Size } from '@/store/store-types';
import { type Box, floatingSegment } from './geometry';
import { EDGE_GAP, type LabelView } from './label-context';
import { type LabelPlace, type LabelRequest, labelPriority, labelSize, layoutLabels } from './label-layout';
import { type LinkModel, labelLines } from './link-model';

/** What the placement of the link labels is made of. */
export interface LinkLabelsInput {
  readonly hosts: readonly Host[];
  readonly links: readonly Link[];
  /** Where hosts are (their top-left corners, as the document keeps them). */
  readonly layout: Readonly<Record<string, Position>>;
  readonly measured: Readonly<Record<string, Size>>;
  readonly models: ReadonlyMap<string, LinkModel>;
  readonly selectedLinkIds: readonly string[];
  /** Links with errors or warnings (their labels carry a badge and come before the others). */
  readonly statuses: ReadonlyMap<string, ElementStatus>;
  readonly view: LabelView;
  /** Only labels of links crossing this box (the part of a large diagram React Flow renders). */
  readonly region?: Box;
  /** More boxes a label keeps clear of: zones' title bars. */
  readonly obstacles?: readonly Box[];
  /** What an empty link's label says (`no ports`), in the app's language: it is measured too. */
  readonly noPorts: string;
}

/**
 * Places every link label clear of hosts and of each other.
 *
 * @param input - Hosts, links, their models, positions, sizes, selection, findings and the zoom's label detail.
 * @returns Each placed label's spot along its link, or that it is hidden; links whose hosts are
 *   not measured yet, and labels with nothing to show at this detail, have no entry.
 */
export function placeLinkLabels(input: LinkLabelsInput): Map<string, LabelPlace> {
  const { layout, measured, models, statuses, view } = input;
  if (input.links.length === 0) return new Map();
  const boxes = new Map<string, Box>();
  for (const host of input.hosts) {
    const size = measured[host.id];
    if (!size) continue;
    const p = layout[host.id] ?? { x: 0, y: 0 };
    boxes.set(host.id, { x: p.x, y: p.y, width: size.width, height: size.height });
  }
  const selected = new Set(input.selectedLinkIds);
  const labels: LabelRequest[] = [];
  for (const link of input.links) {
    const model = models.get(link.id);
    const a = boxes.get(link.source);
    const b = boxes.get(link.target);
    if (!model || !a || !b) continue;
    const isSelected = selected.has(link.id);
    const finding = statuses.has(link.id);
    // The same lines the edge draws: the selected link's in full, whatever the zoom.
    const lines = labelLines(model, isSelected ? 'full' : view.detail, input.noPorts);
    if (lines.length === 0 && !finding) continue;
    const ports = model.ports.reduce((n, p) => n + p.ports.length, 0);
    labels.push({
      id: link.id,
      segment: floatingSegment(a, b, EDGE_GAP),
      at: model.labelAt,
      ...labelSize(lines, finding, view.scale),
      priority: labelPriority(isSelected, finding, ports),
    });
  }
  return layoutLabels(
    labels,
    [...boxes.values(), ...(input.obstacles ?? [])],
    input.region ? { region: input.region } : {},
  );
}
