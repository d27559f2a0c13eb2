import { ARRANGE_COMMANDS, arrangeBlocked } from '@/store/arrange-commands';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { MenuButton, type MenuItem } from './menu-button';

const TITLE = 'Align or distribute the selected hosts (each one undo step)';

/**
 * The toolbar's Arrange menu: align the selected hosts on an edge or centre line, or spread them
 * evenly (issue 12). The same commands as the canvas's right-click menu; here they stay listed
 * when too few hosts are selected, greyed out with what to select.
 */
export function ArrangeMenu() {
  const store = useAppStoreApi();
  const selected = useAppStore((s) => s.selectedHostIds.length);
  const items: MenuItem[] = ARRANGE_COMMANDS.map((command) => {
    const blocked = arrangeBlocked(command, selected);
    return {
      id: command.id,
      label: command.label,
      group: command.group,
      disabled: blocked !== undefined,
      ...(blocked ? { hint: blocked } : {}),
      onSelect: () => {
        command.run(store.getState());
      },
    };
  });
  return <MenuButton label="Arrange" icon="template" title={TITLE} items={items} />;
}
