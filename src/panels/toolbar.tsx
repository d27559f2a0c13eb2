import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNoFlows } from '@/store/derived';
import { applyTemplate, newDocument, openDocumentFile, saveDocumentFile } from '@/store/file-commands';
import type { ShareController } from '@/store/share-controller';
import { useAppStore, useAppStoreApi, useUndoRedo } from '@/store/store-context';
import { templates } from '@/store/templates';
import { ArrangeMenu } from './arrange-menu';
import { CommitField } from './commit-field';
import { Icon } from './icons';
import { ImportButton } from './import-dialog';
import { LanguageSwitch } from './language-switch';
import { MenuButton, type MenuItem } from './menu-button';
import { wordsOr } from './optional-words';
import { PresentButton } from './presentation-buttons';
import { useResultsItems } from './results-buttons';
import { ShareButton } from './share-dialog';
import { ThemeToggle } from './theme-toggle';
import { AutosaveState, ProblemsIndicator, SharePill } from './toolbar-status';

/** A flow-matrix format as the Export menu lists it: the app passes the export registry's entries. */
export interface ExportMenuFormat {
  readonly id: string;
  /** The item and its second line in English: what a format without catalogue words shows. */
  readonly label: string;
  readonly hint: string;
  /** Catalogue keys of the item and its second line (`export:formats.<id>.label`), in the app's language. */
  readonly words?: { readonly label: string; readonly hint: string };
}

/** The pictures of the diagram (labels: toolbar keys); the canvas draws them, so they are not in the export registry. */
export const DIAGRAM_PICTURES = [
  { id: 'png', label: 'export.png' },
  { id: 'svg', label: 'export.svg' },
] as const;

/** What the Export menu asks for: a registry format's id, or `png`/`svg` for the diagram. */
export type ExportKind = string;

export interface ToolbarProps {
  /** The flow-matrix formats of the Export menu, in order (the export registry). */
  readonly formats: readonly ExportMenuFormat[];
  /** Runs an export; the app owns the exporters (loaded on demand) and the diagram capture. */
  readonly onExport: (kind: ExportKind) => void;
  /** The export running now, if any (its menu item shows progress). */
  readonly busy?: string | null;
  /** Lays the diagram out (the app owns the automatic layout); no Tidy button without it. */
  readonly onTidy?: () => void;
  /** The layout is running (the Tidy button shows it). */
  readonly tidying?: boolean;
  /** Reads an estate's files into the import preview (the app owns the reader); no Import without it. */
  readonly onImportFiles?: (files: readonly File[]) => void;
  /** Shows the diagram alone, larger (presentation mode); no Present button without it. */
  readonly onPresent?: () => void;
  /** Prints the diagram alone; no Print item in the Export menu without it. */
  readonly onPrint?: () => void;
  /** Live editing (useShare); no Share button without it. */
  readonly share?: ShareController;
  /** Opens "Compare with…"'s file picker (useCompare); no such item in the Export menu without it. */
  readonly onCompare?: () => void;
}

/** The top bar: file commands, templates, export, undo/redo, the site settings switch and the problem count. */
export function Toolbar(props: ToolbarProps) {
  const {
    formats,
    onExport,
    busy,
    onTidy,
    tidying = false,
    onImportFiles,
    onPresent,
    onPrint,
    share,
    onCompare,
  } = props;
  const store = useAppStoreApi();
  const name = useAppStore((s) => s.name);
  const hostCount = useAppStore((s) => s.hosts.length);
  const sidePanel = useAppStore((s) => s.sidePanel);
  // Only whether there are flows: the bar is not drawn again for every edit.
  const flowless = useNoFlows();
  const { canUndo, canRedo } = useUndoRedo();
  const fileInput = useRef<HTMLInputElement>(null);
  const { t, i18n } = useTranslation(['toolbar', 'compare']);
  const results = useResultsItems();

  const noFlows = hostCount === 0 ? t('export.noHosts') : t('export.noFlows');
  const exportItems: MenuItem[] = formats.map((format) => ({
    id: format.id,
    label: format.words ? wordsOr(i18n, format.words.label, format.label) : format.label,
    group: t('export.matrixGroup'),
    disabled: flowless || busy != null,
    hint: flowless
      ? noFlows
      : busy === format.id
        ? t('export.busy')
        : format.words
          ? wordsOr(i18n, format.words.hint, format.hint)
          : format.hint,
    onSelect: () => onExport(format.id),
  }));
  for (const item of DIAGRAM_PICTURES) {
    exportItems.push({
      id: item.id,
      label: t(item.label),
      group: t('export.diagramGroup'),
      disabled: hostCount === 0 || busy != null,
      hint:
        hostCount === 0 ? t('export.empty') : busy === item.id ? t('export.busy') : t('export.pictureHint'),
      onSelect: () => onExport(item.id),
    });
  }
  if (onPrint) {
    exportItems.push({
      id: 'print',
      label: t('export.print'),
      group: t('export.diagramGroup'),
      disabled: hostCount === 0,
      hint: hostCount === 0 ? t('export.empty') : t('export.printHint'),
      onSelect: onPrint,
    });
  }

  if (onCompare) {
    exportItems.push({
      id: 'compare',
      label: t('compare:menu.label'),
      group: t('compare:menu.group'),
      hint: t('compare:menu.hint'),
      onSelect: onCompare,
    });
  }
  exportItems.push(...results.items);

  const templateItems: MenuItem[] = templates.flatMap((template) => {
    const group = wordsOr(i18n, `toolbar:templates.items.${template.id}.name`, template.name);
    return [
      {
        id: `${template.id}:replace`,
        group,
        label: t('templates.replace'),
        hint: wordsOr(i18n, `toolbar:templates.items.${template.id}.description`, template.description),
        onSelect: () => applyTemplate(store, template, 'replace'),
      },
      {
        id: `${template.id}:add`,
        group,
        label: t('templates.add'),
        onSelect: () => applyTemplate(store, template, 'add'),
      },
    ];
  });

  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <svg className="toolbar__logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <rect x="2" y="3" width="8" height="6" rx="1.5" fill="var(--logo-server)" />
          <rect x="14" y="3" width="8" height="6" rx="1.5" fill="var(--logo-client)" />
          <rect x="8" y="15" width="8" height="6" rx="1.5" fill="var(--logo-service)" />
          <path d="M6 9v3h12V9M12 12v3" stroke="var(--logo-wire)" strokeWidth="1.6" fill="none" />
        </svg>
        <span className="toolbar__title">{t('brand')}</span>
      </div>
      <CommitField
        className="toolbar__name"
        label={t('name')}
        value={name}
        onCommit={(text) => {
          store.getState().renameDocument(text);
          return undefined;
        }}
      />
      <nav className="toolbar__groups" aria-label={t('commands')}>
        <div className="toolbar__group">
          <button
            type="button"
            className="tool-button"
            onClick={() => newDocument(store)}
            title={t('new.title')}
          >
            <Icon name="new" />
            <span>{t('new.label')}</span>
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => fileInput.current?.click()}
            title={t('open.title')}
          >
            <Icon name="open" />
            <span>{t('open.label')}</span>
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="open-file"
            aria-label={t('open.input')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openDocumentFile(store, file);
            }}
          />
          <button
            type="button"
            className="tool-button"
            onClick={() => saveDocumentFile(store)}
            title={t('save.title')}
          >
            <Icon name="save" />
            <span>{t('save.label')}</span>
          </button>
          {onImportFiles && <ImportButton onFiles={onImportFiles} />}
          {results.input}
        </div>
        <div className="toolbar__group">
          <MenuButton
            label={t('templates.label')}
            icon="template"
            items={templateItems}
            title={t('templates.title')}
          />
          <MenuButton label={t('export.label')} icon="export" items={exportItems} title={t('export.title')} />
        </div>
        <div className="toolbar__group">
          <ArrangeMenu />
          {/* Tidy is an icon beside Undo, named by its title: a labelled button squeezes the name field away at 1366 px. */}
          {onTidy && (
            <button
              type="button"
              className="tool-button tool-button--icon"
              onClick={onTidy}
              disabled={hostCount === 0 || tidying}
              aria-busy={tidying}
              aria-label={t('tidy.label')}
              title={tidying ? t('tidy.busy') : t('tidy.title')}
            >
              <Icon name="tidy" />
            </button>
          )}
          <button
            type="button"
            className="tool-button tool-button--icon"
            onClick={() => store.getState().undo()}
            disabled={!canUndo}
            aria-label={t('undo.label')}
            title={t('undo.title')}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="tool-button tool-button--icon"
            onClick={() => store.getState().redo()}
            disabled={!canRedo}
            aria-label={t('redo.label')}
            title={t('redo.title')}
          >
            <Icon name="redo" />
          </button>
          {onPresent && <PresentButton onPresent={onPresent} />}
        </div>
        <div className="toolbar__group">
          <button
            type="button"
            className={`tool-button settings-button${sidePanel === 'settings' ? ' tool-button--active' : ''}`}
            aria-pressed={sidePanel === 'settings'}
            onClick={() => store.getState().setSidePanel(sidePanel === 'settings' ? 'inspector' : 'settings')}
            title={t('settings.title')}
          >
            <Icon name="settings" />
            <span>{t('settings.label')}</span>
          </button>
        </div>
        <div className="toolbar__group">
          <ProblemsIndicator />
        </div>
      </nav>
      <div className="toolbar__end">
        <SharePill />
        {share && <ShareButton controller={share} />}
        <LanguageSwitch />
        <ThemeToggle />
        <AutosaveState />
      </div>
    </header>
  );
}
