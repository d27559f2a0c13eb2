import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { DiagramCanvas } from '@/canvas/diagram-canvas';
import { dataUrlToBytes, useDiagramImage } from '@/canvas/use-diagram-image';
import { linkedHostsWithoutIp } from '@/domain/checks/host-ip';
import { fileName } from '@/domain/file-name';
import { type Message, message } from '@/domain/message';
import type { FlowRow } from '@/domain/rows';
import { abortError, isAbortError } from '@/export/export-control';
import { buildExport, EXPORT_FORMATS, findExportFormat } from '@/export/export-formats';
import { appI18n } from '@/i18n/app-i18n';
import { languageOf } from '@/i18n/format-message';
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
import { type DIAGRAM_PICTURES, type ExportKind, Toolbar, type ToolbarProps } from '@/panels/toolbar';
import { type CompareIo, useCompare } from '@/panels/use-compare';
import { useImport } from '@/panels/use-import';
import { useShare } from '@/panels/use-share';
import { useTidy } from '@/panels/use-tidy';
import { type AppStore, toDocument } from '@/store/app-store';
import type { BackupShelf } from '@/store/autosave-backups';
import { selectProblems, selectRowSource } from '@/store/derived';
import { downloadFile } from '@/store/download';
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

/** Rows made between two pauses: a few milliseconds' work. */
const ROWS_PER_PAUSE = 1_000;

type PictureKind = (typeof DIAGRAM_PICTURES)[number]['id'];

/** The diagram pictures: drawn by the canvas, so not in the export registry. */
const PICTURES: Readonly<Record<PictureKind, { mime: string }>> = {
  png: { mime: 'image/png' },
  svg: { mime: 'image/svg+xml' },
};

const isPicture = (kind: ExportKind): kind is PictureKind => Object.hasOwn(PICTURES, kind);

/** What an export writes, for its notices: `Excel workbook`, `PNG image` (the format's own words). */
function nounOf(kind: ExportKind): Message | string {
  if (isPicture(kind))
    return message(kind === 'png' ? 'notices:export.nouns.png' : 'notices:export.nouns.svg');
  const format = findExportFormat(kind);
  return format ? message(format.words.noun) : kind;
}

/**
 * Every matrix row, made a slice at a time with a pause between slices: made at once, the rows of
 * a thousand hosts held the export's click for half a second. Stops when `signal` aborts.
 */
async function rowsInSlices(store: AppStore, signal: AbortSignal): Promise<FlowRow[]> {
  const source = selectRowSource(store);
  const rows: FlowRow[] = [];
  for (let i = 0; i < source.length; i += 1) {
    rows.push(source.row(i));
    if (i % ROWS_PER_PAUSE === ROWS_PER_PAUSE - 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal.aborted) throw abortError();
    }
  }
  return rows;
}

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
  // The running export's phase for its progress panel (outside this component's state, so a step
  // re-renders the panel only), and the Cancel that stops it.
  const [progress] = useState(createExportProgressChannel);
  const running = useRef<AbortController | null>(null);
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

  const runExport = useCallback(
    async (kind: ExportKind) => {
      const state = store.getState();
      const noun = nounOf(kind);
      const nounParam = typeof noun === 'string' ? noun : { message: noun };
      const controller = new AbortController();
      running.current = controller;
      progress.set({ kind, noun, stage: 'starting', done: 0, total: 0 });
      const details: Message[] = [];
      try {
        if (isPicture(kind)) {
          const bytes = dataUrlToBytes(await capture(kind));
          const picture = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: PICTURES[kind].mime });
          if (controller.signal.aborted) throw abortError();
          downloadFile(picture, fileName(state.name, kind));
        } else {
          // The format builds the file (the workbook's writer loads on first use, in a worker that also
          // draws the diagram picture from the model); the page downloads it.
          const file = await buildExport(kind, {
            document: toDocument(state),
            catalogue: state.catalogue,
            rows: await rowsInSlices(store, controller.signal),
            // The file speaks the language the app speaks when it is made.
            language: languageOf(appI18n),
            picture: kind === 'xlsx' && state.hosts.length > 0,
            signal: controller.signal,
            onProgress: (done, total, stage = 'rows') => progress.set({ kind, noun, stage, done, total }),
            onPictureLeftOut: (reason) => details.push(message('notices:export.pictureLeftOut', { reason })),
          });
          // A cancel that came as the file was finished still leaves nothing.
          if (controller.signal.aborted) throw abortError();
          downloadFile(file.blob, file.fileName);
        }
        state.notify({
          tone: details.length > 0 ? 'warning' : 'success',
          title: message(isPicture(kind) ? 'notices:export.diagramDone' : 'notices:export.matrixDone', {
            noun: nounParam,
          }),
          ...(details.length > 0 ? { details } : {}),
        });
      } catch (error) {
        if (isAbortError(error)) {
          state.notify({ tone: 'info', title: message('notices:export.cancelled', { noun: nounParam }) });
        } else {
          state.notify({
            tone: 'error',
            title: message('notices:export.failed', { noun: nounParam }),
            details: [error instanceof Error ? error.message : String(error)],
          });
        }
      } finally {
        if (running.current === controller) running.current = null;
        progress.set(null);
      }
    },
    [store, capture, progress],
  );
  const cancelExport = useCallback(() => running.current?.abort(), []);

  // Errors do not block an export, but the planner hears of them first.
  const onExport = useCallback(
    (kind: ExportKind) => {
      const errors = selectProblems(store).counts.error;
      const state = store.getState();
      // A file of flows names hosts by address; a picture does not.
      const noIp = isPicture(kind) ? 0 : linkedHostsWithoutIp(state, state.catalogue).length;
      if (errors === 0 && noIp === 0) {
        void runExport(kind);
        return;
      }
      if (errors === 0) {
        state.askConfirm({
          title: message('export:ipMissing.title', { count: noIp }),
          message: message('export:ipMissing.message', { count: noIp }),
          confirmLabel: message('notices:export.confirmLabel'),
          onConfirm: () => void runExport(kind),
        });
        return;
      }
      store.getState().askConfirm({
        title: message('notices:export.confirmTitle', { count: errors }),
        message: message(isPicture(kind) ? 'notices:export.confirmDiagram' : 'notices:export.confirmMatrix', {
          count: errors,
        }),
        confirmLabel: message('notices:export.confirmLabel'),
        onConfirm: () => void runExport(kind),
        onCancel: () => store.getState().setSidePanel('problems'),
      });
    },
    [store, runExport],
  );

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
