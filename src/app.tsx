import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useExport } from '@/app-export';
import { DiagramCanvas } from '@/canvas/diagram-canvas';
import { dataUrlToBytes, useDiagramImage } from '@/canvas/use-diagram-image';
import { EXPORT_FORMATS } from '@/export/export-formats';
import { CompareView } from '@/panels/compare-dialog';
import {
  createExportProgressChannel,
  type ExportProgressChannel,
  ExportProgressSlot,
  useExportBusy,
} from '@/panels/export-progress';
import { ImportDialog } from '@/panels/import-dialog';
import { Legend } from '@/panels/legend';
import { AutosaveBanner, ConfirmDialog, KeptCopies, Toasts } from '@/panels/notices';
import { Palette } from '@/panels/palette';
import { LeavePresentationButton } from '@/panels/presentation-buttons';
import { isShortWindow, useOpenPanels } from '@/panels/presentation-layout';
import { usePresentation } from '@/panels/presentation-mode';
import { usePrintDiagram } from '@/panels/print-diagram';
import { SidePanel } from '@/panels/side-panel';
import { Toolbar, type ToolbarProps } from '@/panels/toolbar';
import { type CompareIo, useCompare } from '@/panels/use-compare';
import { useImport } from '@/panels/use-import';
import { useShare } from '@/panels/use-share';
import { useTidy } from '@/panels/use-tidy';
import type { AppStore } from '@/store/app-store';
import type { BackupShelf } from '@/store/autosave-backups';
import { AppStoreProvider, useAppStore, useAppStoreApi } from '@/store/store-context';
import { useShortcuts } from '@/store/use-shortcuts';
import { FlowMatrix } from '@/table/flow-matrix';
// The shell's own sheet (folds, presentation, print) comes after the leaves' sheets main.tsx imports.
import '@/styles/app-shell.css';
import '@/styles/print.css';
import '@/styles/share.css';
import '@/styles/compare.css';
import '@/styles/export-progress.css';

/** The layout (its graph building, then elkjs) loads on the first Tidy or import, not with the page. */
const runLayout: typeof import('@/layout/run-layout').runLayout = async (...args) =>
  (await import('@/layout/run-layout')).runLayout(...args);

/** The estate reader (papaparse, and exceljs for XLSX) loads on the first import, not with the page. */
const readEstateFiles: typeof import('@/import/import-files').importFiles = async (...args) =>
  (await import('@/import/import-files')).importFiles(...args);

/** "Compare with…" reads an earlier workbook and writes the delta with src/export, loaded on first use. */
const COMPARE_IO: CompareIo = {
  readWorkbook: async (bytes) => (await import('@/export/read-workbook')).readOurWorkbook(bytes),
  deltaCsv: async (delta, language) => (await import('@/export/delta-csv')).deltaToCsv(delta, language),
  deltaWorkbook: async (delta, options) =>
    (await import('@/export/xlsx/delta-workbook')).buildDeltaWorkbook(delta, options),
};

/**
 * The toolbar with the running export's busy state: an export's start and end re-render the
 * toolbar alone, not the shell with its canvas and matrix, inside the export's click.
 */
function ExportingToolbar({
  channel,
  ...props
}: Omit<ToolbarProps, 'busy'> & { channel: ExportProgressChannel }) {
  return <Toolbar {...props} busy={useExportBusy(channel)} />;
}

function Shell({ shelf }: { shelf?: BackupShelf }) {
  useShortcuts();
  const store = useAppStoreApi();
  const capture = useDiagramImage();
  const picture = useMemo(() => ({ capture, toBytes: dataUrlToBytes }), [capture]);
  // The running export's phase for its progress panel (outside this component's state, so a step
  // re-renders the panel only), and the Cancel that stops it.
  const [progress] = useState(createExportProgressChannel);
  const { tidy, tidying } = useTidy(runLayout);
  // The estate import (issue 14): files from the Import button or dropped on the workspace.
  const estate = useImport(readEstateFiles, runLayout);
  const hasDiagram = useAppStore((s) => s.hosts.length > 0);
  const { panels, toggle: togglePanel, open: openPanel } = useOpenPanels();
  const presentation = usePresentation(store);
  const { printing, print } = usePrintDiagram(store);
  // Live editing (issue 16): joins the room a share link names; the toolbar's Share button drives it.
  const share = useShare();
  // What changed since an earlier request (issue 17): the Export menu's "Compare with…".
  const compare = useCompare(COMPARE_IO);

  // A laptop's window is too short for the canvas and a raised matrix: the matrix starts as its
  // bar (with the row count), the user raises it with its size buttons. Before the first paint.
  useLayoutEffect(() => {
    if (isShortWindow(window)) store.getState().setMatrixSize('collapsed');
  }, [store]);

  // Something asked for a tab of the right column (Site settings, the problem count, an export's
  // errors): a folded column unfolds to show it.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.sidePanel !== previous.sidePanel) openPanel('side');
      }),
    [store, openPanel],
  );

  const { onExport, cancelExport } = useExport(progress, picture);

  const { presenting } = presentation;
  const shellClass = `app${presenting ? ' app--presenting' : ''}${printing ? ' app--printing' : ''}`;
  const workspaceClass = `workspace${panels.roles ? '' : ' workspace--roles-folded'}${panels.side ? '' : ' workspace--side-folded'}`;
  return (
    <div className={shellClass}>
      {/* Presenting keeps everything mounted (the matrix's table is costly to build) but hidden. */}
      <div className="app__bars" hidden={presenting}>
        <ExportingToolbar
          channel={progress}
          formats={EXPORT_FORMATS}
          onExport={onExport}
          onTidy={tidy}
          tidying={tidying}
          onImportFiles={estate.openFiles}
          onPresent={presentation.enter}
          onPrint={print}
          share={share}
          onCompare={compare.pick}
        />
        <AutosaveBanner />
        {shelf && <KeptCopies shelf={shelf} />}
      </div>
      <div className={workspaceClass}>
        <div className="left-column" hidden={presenting}>
          <Palette open={panels.roles} onToggle={() => togglePanel('roles')} />
          {panels.roles && <Legend />}
        </div>
        <main className="workspace__center" onDragOver={estate.onDragOver} onDrop={estate.onDrop}>
          <Toasts />
          <CompareView compare={compare} />
          <ExportProgressSlot channel={progress} onCancel={cancelExport} />
          <DiagramCanvas />
          <div className="matrix-slot" hidden={presenting}>
            <FlowMatrix />
          </div>
          {presenting && <LeavePresentationButton onLeave={presentation.leave} />}
        </main>
        <SidePanel open={panels.side} onToggle={() => togglePanel('side')} hidden={presenting} />
      </div>
      <ConfirmDialog />
      {estate.stage.stage !== 'closed' && (
        <ImportDialog
          stage={estate.stage}
          hasDiagram={hasDiagram}
          onAccept={estate.accept}
          onCancel={estate.cancel}
        />
      )}
    </div>
  );
}

/**
 * The designer: where the store, the canvas, the panels and the matrix meet. `shelf` holds the
 * copies of stored work boot or the autosave kept aside; the banner offers them as downloads.
 */
export function App({ store, shelf }: { store: AppStore; shelf?: BackupShelf }) {
  return (
    <AppStoreProvider store={store}>
      <ReactFlowProvider>
        <Shell {...(shelf ? { shelf } : {})} />
      </ReactFlowProvider>
    </AppStoreProvider>
  );
}
