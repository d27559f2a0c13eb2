import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { createPortal } from 'react-dom';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import { useAppStoreApi } from '@/store/store-context';
import type { LinkEdgeType } from './canvas-types';
import { useLinkLook } from './element-looks';
import { useElementWords } from './element-words';
import { arrowHead, offsetSegment, pathOf, pointAt, reverse, strokeOffsets, trimEnd } from './geometry';
import { useEdgeSegment, useLabelView } from './label-context';
import { useLabelLayer } from './label-layer';
import { labelLines } from './link-model';
import { StatusBadge } from './status-badge';
import { markClass } from './use-highlight';

const STROKE_SPACING = 3.5;
const ARROW_LENGTH = 10;
const ARROW_HALF_WIDTH = 5.5;

/**
 * A link between two hosts, drawn from border to border: one parallel stroke per service class in
 * the catalogue's colours, an arrowhead at each host that answers (both ends when both initiate),
 * and a compact port label that shortens as the view zooms out. A link the checks find errors or
 * warnings about has an outline in the worst one's colour and a badge with their count by its label.
 * The label sits where label-layout.ts puts it, clear of hosts and other labels, or is hidden
 * (its full text stays on the link's hover title and in the inspector). While the matrix is
 * filtered, a link of a matching row is marked and the others are dimmed. While the canvas shows a
 * comparison with an earlier request (issue 17), one stroke in the delta's colour replaces the services'.
 * Outside it, a link whose flows a connectivity test found blocked is one stroke in the blocked
 * colour with a cross by its label, and a link whose flows were all verified gets a tick.
 */
export const LinkEdge = memo(function LinkEdge({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
  selected,
}: EdgeProps<LinkEdgeType>) {
  const store = useAppStoreApi();
  const words = useElementWords();
  const { t } = words;
  const { detail, scale } = useLabelView();
  const layer = useLabelLayer();
  // Label place, filter mark, comparison change and test result: one subscription (element-looks.ts).
  const { place, mark, delta, result } = useLinkLook(id);
  const base = useEdgeSegment(source, target, sourceX, sourceY, targetX, targetY);
  if (!base || !data) return null;
  const { model, status } = data;
  // A test result shows outside the comparison view (which colours every link by its delta).
  const tested = delta ? undefined : result;
  const blocked = tested === 'blocked';
  // Far out (labels hidden), parallel strokes sit closer than a pixel and arrowheads shrink to
  // dots: one stroke in the first class's colour says as much and paints a fraction of the SVG.
  const simple = detail === 'none' && !selected;
  const strokes =
    model.empty || delta || blocked
      ? [{ color: '', offset: 0 }]
      : simple
        ? [{ color: model.services[0]?.color ?? UNKNOWN_COLOUR, offset: 0 }]
        : strokeOffsets(model.services.length, STROKE_SPACING).map((offset, i) => ({
            color: model.services[i]?.color ?? UNKNOWN_COLOUR,
            offset,
          }));
  const forward = model.forward && !simple;
  const backward = model.backward && !simple;
  // Strokes stop short of an arrowhead so the head stays sharp.
  let line = base;
  if (forward) line = trimEnd(line, ARROW_LENGTH - 2);
  if (backward) line = reverse(trimEnd(reverse(line), ARROW_LENGTH - 2));
  const mid = pointAt(base, place?.t ?? model.labelAt);
  // Made once: the halo, outline, hit area and an unshifted, untrimmed stroke share it (a far link's only stroke).
  const basePath = pathOf(base);
  const noPorts = words.noPorts;
  const lines = labelLines(model, selected ? 'full' : detail, noPorts);
  const showLabel = (lines.length > 0 || status) && !place?.hidden;
  // The hover title lists every port: made only where it is shown (not on a far, simple link).
  const withTitle = !simple || place?.hidden || delta;
  const title = () =>
    `${
      model.empty
        ? words.noFlows
        : `${model.services.map((s) => s.name).join(', ')}\n${labelLines(model, 'full', noPorts, 99).join('\n')}`
    }${delta ? `\n${t(`compare:link.${delta}`)}` : ''}${tested ? `\n${t(`link.result.${tested}`)}` : ''}`;
  const select = () => store.getState().select([], [id]);

  return (
    <>
      <g
        className={`link-edge${selected ? ' link-edge--selected' : ''}${model.empty ? ' link-edge--empty' : ''}${status ? ` link-edge--${status.level}` : ''}${place?.hidden ? ' link-edge--label-hidden' : ''}${markClass('link-edge', mark)}${delta ? ` link-edge--delta link-edge--delta-${delta}` : ''}${tested ? ` link-edge--${tested}` : ''}`}
      >
        {/* A hidden label's full text is here, on hover of the link; so is its change in a comparison. */}
        {withTitle && <title>{title()}</title>}
        {selected && <path d={basePath} className="link-edge__halo" />}
        {status && <path d={basePath} className="link-edge__outline" />}
        {strokes.map((s, i) => (
          <path
            key={i}
            d={s.offset === 0 && line === base ? basePath : pathOf(offsetSegment(line, s.offset))}
            className="link-edge__stroke"
            style={model.empty || delta || blocked ? undefined : { stroke: s.color }}
          />
        ))}
        {forward && (
          <polygon className="link-edge__arrow" points={arrowHead(base, ARROW_LENGTH, ARROW_HALF_WIDTH)} />
        )}
        {backward && (
          <polygon
            className="link-edge__arrow"
            points={arrowHead(reverse(base), ARROW_LENGTH, ARROW_HALF_WIDTH)}
          />
        )}
        <path
          d={basePath}
          className="react-flow__edge-interaction"
          fill="none"
          strokeOpacity={0}
          strokeWidth={18}
        />
      </g>
      {showLabel &&
        layer &&
        createPortal(
          // biome-ignore lint/a11y/useKeyWithClickEvents: the edge itself is keyboard-selectable; the label is a mouse shortcut
          // biome-ignore lint/a11y/noStaticElementInteractions: see above
          <div
            className={`link-label nodrag nopan${selected ? ' link-label--selected' : ''}${model.empty ? ' link-label--empty' : ''}${model.dynamic ? ' link-label--risk' : ''}${markClass('link-label', mark)}${delta ? ` link-label--delta-${delta}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${mid.x}px, ${mid.y}px) scale(${scale})` }}
            onClick={select}
            title={title()}
          >
            {status && <StatusBadge status={status} className="link-label__badge" />}
            {/* The test's mark beside the colour: a cross for blocked, a tick for all verified. */}
            {tested && (
              <span
                className={`link-label__result link-label__result--${tested}`}
                role="img"
                aria-label={t(`link.result.${tested}`)}
              />
            )}
            {lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>,
          layer,
        )}
    </>
  );
});
