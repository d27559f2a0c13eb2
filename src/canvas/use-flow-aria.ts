import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The sentence a screen reader hears after an arrow key moved the selection, per direction. */
const MOVED = {
  up: 'flow.movedUp',
  down: 'flow.movedDown',
  left: 'flow.movedLeft',
  right: 'flow.movedRight',
} as const;

/**
 * React Flow's own words (the keyboard help its nodes and edges describe themselves with, the
 * zoom buttons, the overview map) in the app's language, for `<ReactFlow ariaLabelConfig>`. One
 * object per language: a new object makes React Flow update its store.
 */
export function useFlowAria(): Partial<AriaLabelConfig> {
  const { t } = useTranslation('canvas');
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelpKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        direction in MOVED ? t(MOVED[direction as keyof typeof MOVED], { x, y }) : `${x}, ${y}`,
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );
}
