import { ControlButton, Controls, MiniMap } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_COLOUR } from '@/domain/colours';
import { useCatalogue } from '@/store/use-catalogue';
import type { CanvasNode } from './canvas-types';

const MINIMAP_STYLE = { width: 168, height: 112 };
/**
 * From this many hosts the overview map starts hidden (a button shows it): it redraws on every pan
 * step, which at a thousand hosts costs about a fifth of each step (measured, README "Benchmarks").
 */
const OVERVIEW_HIDDEN_FROM = 500;

/** The zoom controls with a button for the overview map, and the map while it is shown. */
export function OverviewMap({ hostCount }: { hostCount: number }) {
  const catalogue = useCatalogue();
  const { t } = useTranslation('canvas');
  const [choice, setChoice] = useState<boolean | null>(null);
  const overview = choice ?? hostCount < OVERVIEW_HIDDEN_FROM;
  const nodeColor = useCallback(
    (node: CanvasNode) =>
      node.type === 'host'
        ? (catalogue.roleById.get(node.data.host.roles[0] ?? '')?.color ?? UNKNOWN_COLOUR)
        : 'transparent',
    [catalogue],
  );
  return (
    <>
      <Controls showInteractive={false} position="bottom-left">
        <ControlButton
          onClick={() => setChoice(!overview)}
          aria-pressed={overview}
          aria-label={overview ? t('overview.hide') : t('overview.show')}
          title={overview ? t('overview.hide') : t('overview.show')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="3" width="13" height="10" rx="1" fill="none" stroke="currentColor" />
            <rect x="4" y="5.5" width="5" height="4" fill="currentColor" />
          </svg>
        </ControlButton>
      </Controls>
      {overview && (
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          nodeColor={nodeColor}
          nodeStrokeWidth={2}
          maskColor="var(--minimap-mask)"
          ariaLabel={t('overview.map')}
          style={MINIMAP_STYLE}
        />
      )}
    </>
  );
}
