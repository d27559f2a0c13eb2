/**
 * The align and distribute commands as the menus list them: the canvas's right-click menu and
 * the toolbar's Arrange menu read this one list, so both say and do the same.
 */
import { type AlignKind, type DistributeAxis, MIN_ALIGN, MIN_DISTRIBUTE } from '@/domain/edits/align';
import { type Message, message } from '@/domain/message';
import { arrangeActions } from './arrange-slice';
import type { AppState } from './store-types';

export interface ArrangeCommand {
  readonly id: string;
  /** What the menus say (`useWords().say`). */
  readonly label: Message;
  readonly group: 'Align' | 'Distribute';
  /** Fewest selected hosts it changes anything for. */
  readonly minimum: number;
  /** Runs it on the selection; false when nothing moved. */
  readonly run: (state: AppState) => boolean;
}

const align = (kind: AlignKind, label: Message): ArrangeCommand => ({
  id: `align-${kind}`,
  label,
  group: 'Align',
  minimum: MIN_ALIGN,
  run: (state) => arrangeActions(state).alignSelection(kind),
});

const distribute = (axis: DistributeAxis, label: Message): ArrangeCommand => ({
  id: `distribute-${axis}`,
  label,
  group: 'Distribute',
  minimum: MIN_DISTRIBUTE,
  run: (state) => arrangeActions(state).distributeSelection(axis),
});

/** Every arrange command, in menu order. */
export const ARRANGE_COMMANDS: readonly ArrangeCommand[] = [
  align('left', message('store:arrange.alignLeft')),
  align('centre', message('store:arrange.alignCentre')),
  align('right', message('store:arrange.alignRight')),
  align('top', message('store:arrange.alignTop')),
  align('middle', message('store:arrange.alignMiddle')),
  align('bottom', message('store:arrange.alignBottom')),
  distribute('horizontal', message('store:arrange.distributeHorizontally')),
  distribute('vertical', message('store:arrange.distributeVertically')),
];

/** Why a command is unavailable for a selection of `selected` hosts, or undefined when it is available. */
export function arrangeBlocked(command: ArrangeCommand, selected: number): Message | undefined {
  if (selected >= command.minimum) return undefined;
  return message(command.minimum === MIN_ALIGN ? 'store:arrange.selectTwo' : 'store:arrange.selectThree');
}
