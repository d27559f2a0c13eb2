import { useTranslation } from 'react-i18next';
import { ARRANGE_COMMANDS, arrangeBlocked } from '@/store/arrange-commands';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useWords } from '@/store/use-words';
import { MenuButton, type MenuItem } from './menu-button';

/**
 * The toolbar's Arrange menu: align the selected hosts on an edge or centre line, or spread them
 * evenly (issue 12). The same commands as the canvas's right-click menu; here they stay listed
 * when too few hosts are selected, greyed out with what to select.
 */
export function ArrangeMenu() {
  const store = useAppStoreApi();
  const selected = useAppStore((s) => s.selectedHostIds.length);
  const { t } = useTranslation('toolbar');
  const { say } = useWords();
  const items: MenuItem[] = ARRANGE_COMMANDS.map((command) => {
    const blocked = arrangeBlocked(command, selected);
    return {
      id: command.id,
      label: say(command.label),
      group: command.group === 'Align' ? t('arrange.align') : t('arrange.distribute'),
      disabled: blocked !== undefined,
      ...(blocked ? { hint: say(blocked) } : {}),
      onSelect: () => {
        command.run(store.getState());
      },
    };
  });
  return <MenuButton label={t('arrange.label')} icon="template" title={t('arrange.title')} items={items} />;
}
