import {
  EdgeLabelRenderer,
  type EdgeProps,
  type InternalNode,
  useInternalNode,
  useStore,
} from '@xyflow/react';
import { memo } from 'react';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import type { LinkEdgeType } from './canvas-types';
import {
  arrowHead,
  type Box,
  floatingSegment,
  offsetSegment,
  pathOf,
  pointAt,
  reverse,
  strokeOffsets,
  trimEnd,
} from './geometry';
import { labelDetail, labelLines, labelScale } from './link-model';

const STROKE_SPACING = 3.5;
const ARROW_LENGTH = 10;
const ARROW_HALF_WIDTH = 5.5;

function boxOf(node: InternalNode): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0,
  };
}

/**
 * A link between two hosts, drawn from border to border: one parallel stroke per service class in
 * the catalogue's colours, an arrowhead at each host that answers (both ends when both initiate),
 * and a compact port label that shortens as the view zooms out.
 */
export const LinkEdge = memo(function LinkEdge({
  id,
  source,
  target,
  data,
  selected,
}: EdgeProps<LinkEdgeType>) {
  const store = useAppStoreApi();
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  const capturing = useAppStore((s) => s.capturing);
  const zoomDetail = useStore((s) => labelDetail(s.transform[2]));
  // Rounded so panning and small zoom steps do not re-render every edge.
  const zoomScale = useStore((s) => Math.round(labelScale(s.transform[2]) * 10) / 10);
  // An exported image shows every port at natural size, whatever the zoom on screen.
  const detail = capturing ? 'full' : zoomDetail;
  const scale = capturing ? 1 : zoomScale;
  if (!sourceNode || !targetNode || !data) return null;
  const { model } = data;
  const base = floatingSegment(boxOf(sourceNode), boxOf(targetNode), 4);
  const strokes = model.empty
    ? [{ color: '', offset: 0 }]
    : strokeOffsets(model.services.length, STROKE_SPACING).map((offset, i) => ({
        color: model.services[i]?.color ?? '#64748b',
        offset,
      }));
  // Strokes stop short of an arrowhead so the head stays sharp.
  let line = base;
  if (model.forward) line = trimEnd(line, ARROW_LENGTH - 2);
  if (model.backward) line = reverse(trimEnd(reverse(line), ARROW_LENGTH - 2));
  const mid = pointAt(base, model.labelAt);
  const lines = labelLines(model, selected ? 'full' : detail);
  const title = model.empty
    ? 'No flows: the hosts share no rule in force'
    : `${model.services.map((s) => s.name).join(', ')}\n${labelLines(model, 'full', 99).join('\n')}`;
  const select = () => store.getState().select([], [id]);

  return (
    <>
      <g
        className={`link-edge${selected ? ' link-edge--selected' : ''}${model.empty ? ' link-edge--empty' : ''}`}
      >
        <title>{title}</title>
        {selected && <path d={pathOf(base)} className="link-edge__halo" />}
        {strokes.map((s, i) => (
          <path
            key={i}
            d={pathOf(offsetSegment(line, s.offset))}
            className="link-edge__stroke"
            style={model.empty ? undefined : { stroke: s.color }}
          />
        ))}
        {model.forward && (
          <polygon className="link-edge__arrow" points={arrowHead(base, ARROW_LENGTH, ARROW_HALF_WIDTH)} />
        )}
        {model.backward && (
          <polygon
            className="link-edge__arrow"
            points={arrowHead(reverse(base), ARROW_LENGTH, ARROW_HALF_WIDTH)}
          />
        )}
        <path
          d={pathOf(base)}
          className="react-flow__edge-interaction"
          fill="none"
          strokeOpacity={0}
          strokeWidth={18}
        />
      </g>
      {lines.length > 0 && (
        <EdgeLabelRenderer>
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: the edge itself is keyboard-selectable; the label is a mouse shortcut */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
          <div
            className={`link-label nodrag nopan${selected ? ' link-label--selected' : ''}${model.empty ? ' link-label--empty' : ''}${model.dynamic ? ' link-label--risk' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px) scale(${scale})` }}
            onClick={select}
            title={title}
          >
            {lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
