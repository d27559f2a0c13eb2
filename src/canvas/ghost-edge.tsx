import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useAppStoreApi } from '@/store/store-context';
import type { GhostEdgeType } from './canvas-types';
import { useElementWords } from './element-words';
import { pathOf, pointAt } from './geometry';
import { useEdgeSegment } from './label-context';

/**
 * A connection the checks say is missing: a dashed line in the finding's colour between the two
 * hosts, or from a host to the placeholder of a role no host holds. It is not a link: it carries
 * no flows, cannot be selected or deleted, and is never saved or exported. Clicking it opens the
 * Problems panel.
 */
export const GhostEdge = memo(function GhostEdge({
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  data,
}: EdgeProps<GhostEdgeType>) {
  const store = useAppStoreApi();
  const { t, words } = useElementWords();
  const { say } = words;
  const segment = useEdgeSegment(source, target, sourceX, sourceY, targetX, targetY);
  if (!segment || !data) return null;
  const { ghost } = data;
  const mid = pointAt(segment, 0.5);
  const d = pathOf(segment);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the Problems panel lists the same finding as a button
    <g
      className={`ghost-edge ghost-edge--${ghost.severity}`}
      onClick={() => store.getState().setSidePanel('problems')}
    >
      <title>{t('missing.linkTitle', { message: say(ghost.message) })}</title>
      <path d={d} className="ghost-edge__line" />
      <circle cx={mid.x} cy={mid.y} r={9} className="ghost-edge__dot" />
      <text x={mid.x} y={mid.y} className="ghost-edge__mark" textAnchor="middle" dominantBaseline="central">
        ?
      </text>
      <path d={d} fill="none" strokeOpacity={0} strokeWidth={16} className="ghost-edge__hit" />
    </g>
  );
});
