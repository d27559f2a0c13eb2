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

/** Whether the overview map is shown, and the button's way to show or hide it. */
export interface Overview {
  readonly shown: boolean;
  readonly toggle: () => void;
}

/** Whether the overview map is shown: by the user's choice, else while the diagram is small. */
export function useOverview(hostCount: number): Overview {
  const [choice, setChoice] = useState<boolean | null>(null);
  const shown = choice ?? hostCount < OVERVIEW_HIDDEN_FROM;
  const toggle = useCallback(() => setChoice(!shown), [shown]);
  return { shown, toggle };
}

/** The zoom controls with a button for the overview map, and the map while it is shown. */
export function OverviewMap({ overview }: { overview: Overview }) {
  const catalogue = useCatalogue();
  const { t } = useTranslation('canvas');
  const { shown, toggle } = overview;
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
          onClick={toggle}
          aria-pressed={shown}
          aria-label={shown ? t('overview.hide') : t('overview.show')}
          title={shown ? t('overview.hide') : t('overview.show')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="3" width="13" height="10" rx="1" fill="none" stroke="currentColor" />
            <rect x="4" y="5.5" width="5" height="4" fill="currentColor" />
          </svg>
        </ControlButton>
      </Controls>
      {shown && (
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
