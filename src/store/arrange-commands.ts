/**
 * The align and distribute commands as the menus list them: the canvas's right-click menu and
 * the toolbar's Arrange menu read this one list, so both say and do the same.
 */
import { type AlignKind, type DistributeAxis, MIN_ALIGN, MIN_DISTRIBUTE } from '@/domain/edits/align';
import { arrangeActions } from './arrange-slice';
import type { AppState } from './store-types';

export interface ArrangeCommand {
  readonly id: string;
  readonly label: string;
  readonly group: 'Align' | 'Distribute';
  /** Fewest selected hosts it changes anything for. */
  readonly minimum: number;
  /** Runs it on the selection; false when nothing moved. */
  readonly run: (state: AppState) => boolean;
}

const align = (kind: AlignKind, label: string): ArrangeCommand => ({
  id: `align-${kind}`,
  label,
  group: 'Align',
  minimum: MIN_ALIGN,
  run: (state) => arrangeActions(state).alignSelection(kind),
});

const distribute = (axis: DistributeAxis, label: string): ArrangeCommand => ({
  id: `distribute-${axis}`,
  label,
  group: 'Distribute',
  minimum: MIN_DISTRIBUTE,
  run: (state) => arrangeActions(state).distributeSelection(axis),
});

/** Every arrange command, in menu order. */
export const ARRANGE_COMMANDS: readonly ArrangeCommand[] = [
  align('left', 'Align left edges'),
  align('centre', 'Align centres'),
  align('right', 'Align right edges'),
  align('top', 'Align top edges'),
  align('middle', 'Align middles'),
  align('bottom', 'Align bottom edges'),
  distribute('horizontal', 'Distribute horizontally'),
  distribute('vertical', 'Distribute vertically'),
];

/** Why a command is unavailable for a selection of `selected` hosts, or undefined when it is available. */
export function arrangeBlocked(command: ArrangeCommand, selected: number): string | undefined {
  if (selected >= command.minimum) return undefined;
  return command.minimum === MIN_ALIGN ? 'Select two or more hosts' : 'Select three or more hosts';
}
