import { useRef } from 'react';
import { useDerivation } from '@/store/derived';
import { applyTemplate, newDocument, openDocumentFile, saveDocumentFile } from '@/store/file-commands';
import { useAppStore, useAppStoreApi, useHistory } from '@/store/store-context';
import { templates } from '@/store/templates';
import { ArrangeMenu } from './arrange-menu';
import { CommitField } from './commit-field';
import { Icon } from './icons';
import { ImportButton } from './import-dialog';
import { LanguageSwitch } from './language-switch';
import { MenuButton, type MenuItem } from './menu-button';
import { PRESENTATION_MESSAGES, PresentButton } from './presentation-buttons';
import { ThemeToggle } from './theme-toggle';
import { AutosaveState, ProblemsIndicator } from './toolbar-status';

/** A flow-matrix format as the Export menu lists it: the app passes the export registry's entries. */
export interface ExportMenuFormat {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
}

/** The pictures of the diagram; the canvas draws them, so they are not in the export registry. */
export const DIAGRAM_PICTURES = [
  { id: 'png', label: 'Diagram as PNG' },
  { id: 'svg', label: 'Diagram as SVG' },
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
}

/** Tidy is an icon beside Undo, named by its title: a labelled button squeezes the name field away at 1366 px. */
const TIDY_TITLE = 'Tidy: lay the diagram out, CAS above primaries above secondaries (one undo step)';

/** The top bar: file commands, templates, export, undo/redo, the site settings switch and the problem count. */
export function Toolbar(props: ToolbarProps) {
  const { formats, onExport, busy, onTidy, tidying = false, onImportFiles, onPresent, onPrint } = props;
  const store = useAppStoreApi();
  const name = useAppStore((s) => s.name);
  const hostCount = useAppStore((s) => s.hosts.length);
  const sidePanel = useAppStore((s) => s.sidePanel);
  const flowCount = useDerivation().flows.length;
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  const fileInput = useRef<HTMLInputElement>(null);

  const noFlows =
    hostCount === 0
      ? 'The diagram is empty: add hosts and link them first'
      : 'No flows yet: link hosts whose roles share rules';
  const exportItems: MenuItem[] = formats.map((format) => ({
    id: format.id,
    label: format.label,
    group: 'Flow matrix',
    disabled: flowCount === 0 || busy != null,
    hint: flowCount === 0 ? noFlows : busy === format.id ? 'Exporting…' : format.hint,
    onSelect: () => onExport(format.id),
  }));
  for (const item of DIAGRAM_PICTURES) {
    exportItems.push({
      ...item,
      group: 'Diagram',
      disabled: hostCount === 0 || busy != null,
      hint:
        hostCount === 0
          ? 'The diagram is empty'
          : busy === item.id
            ? 'Exporting…'
            : 'The whole diagram, as drawn',
      onSelect: () => onExport(item.id),
    });
  }
  if (onPrint) {
    const hint = hostCount === 0 ? PRESENTATION_MESSAGES.printEmpty : PRESENTATION_MESSAGES.printHint;
    const label = PRESENTATION_MESSAGES.print;
    exportItems.push({
      id: 'print',
      label,
      group: 'Diagram',
      disabled: hostCount === 0,
      hint,
      onSelect: onPrint,
    });
  }

  const templateItems: MenuItem[] = templates.flatMap((t) => [
    {
      id: `${t.id}:replace`,
      group: t.name,
      label: 'Open as the diagram',
      hint: t.description,
      onSelect: () => applyTemplate(store, t, 'replace'),
    },
    {
      id: `${t.id}:add`,
      group: t.name,
      label: 'Add to the current diagram',
      onSelect: () => applyTemplate(store, t, 'add'),
    },
  ]);

  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <svg className="toolbar__logo" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <rect x="2" y="3" width="8" height="6" rx="1.5" fill="var(--logo-server)" />
          <rect x="14" y="3" width="8" height="6" rx="1.5" fill="var(--logo-client)" />
          <rect x="8" y="15" width="8" height="6" rx="1.5" fill="var(--logo-service)" />
          <path d="M6 9v3h12V9M12 12v3" stroke="var(--logo-wire)" strokeWidth="1.6" fill="none" />
        </svg>
        <span className="toolbar__title">ConfigMgr Port Planner</span>
      </div>
      <CommitField
        className="toolbar__name"
        label="Diagram name"
        value={name}
        onCommit={(text) => {
          store.getState().renameDocument(text);
          return undefined;
        }}
      />
      <nav className="toolbar__groups" aria-label="Diagram commands">
        <div className="toolbar__group">
          <button
            type="button"
            className="tool-button"
            onClick={() => newDocument(store)}
            title="Start an empty diagram"
          >
            <Icon name="new" />
            <span>New</span>
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => fileInput.current?.click()}
            title="Open a saved topology file (.json)"
          >
            <Icon name="open" />
            <span>Open</span>
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            data-testid="open-file"
            aria-label="Open topology file"
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
            title="Save the diagram as a topology file (.json)"
          >
            <Icon name="save" />
            <span>Save</span>
          </button>
          {onImportFiles && <ImportButton onFiles={onImportFiles} />}
        </div>
        <div className="toolbar__group">
          <MenuButton label="Templates" icon="template" items={templateItems} title="Example topologies" />
          <MenuButton
            label="Export"
            icon="export"
            items={exportItems}
            title="Export the flow matrix or the diagram"
          />
        </div>
        <div className="toolbar__group">
          <ArrangeMenu />
          {onTidy && (
            <button
              type="button"
              className="tool-button tool-button--icon"
              onClick={onTidy}
              disabled={hostCount === 0 || tidying}
              aria-busy={tidying}
              aria-label="Tidy"
              title={tidying ? 'Tidying…' : TIDY_TITLE}
            >
              <Icon name="tidy" />
            </button>
          )}
          <button
            type="button"
            className="tool-button tool-button--icon"
            onClick={() => store.getState().undo()}
            disabled={!canUndo}
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="tool-button tool-button--icon"
            onClick={() => store.getState().redo()}
            disabled={!canRedo}
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
          >
            <Icon name="redo" />
          </button>
          {onPresent && <PresentButton onPresent={onPresent} />}
        </div>
        <div className="toolbar__group">
          <button
            type="button"
            className={`tool-button${sidePanel === 'settings' ? ' tool-button--active' : ''}`}
            aria-pressed={sidePanel === 'settings'}
            onClick={() => store.getState().setSidePanel(sidePanel === 'settings' ? 'inspector' : 'settings')}
            title="Ports, ranges and port lists that apply to the whole site"
          >
            <Icon name="settings" />
            <span>Site settings</span>
          </button>
        </div>
        <div className="toolbar__group">
          <ProblemsIndicator />
        </div>
      </nav>
      <div className="toolbar__end">
        <LanguageSwitch />
        <ThemeToggle />
        <AutosaveState />
      </div>
    </header>
  );
}
