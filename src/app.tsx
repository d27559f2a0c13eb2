import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { DiagramCanvas } from '@/canvas/diagram-canvas';
import { dataUrlToBytes, downloadDataUrl, useDiagramImage } from '@/canvas/use-diagram-image';
import { Legend } from '@/panels/legend';
import { AutosaveBanner, ConfirmDialog, Toasts } from '@/panels/notices';
import { Palette } from '@/panels/palette';
import { SidePanel } from '@/panels/side-panel';
import { type ExportKind, Toolbar } from '@/panels/toolbar';
import { type AppStore, toDocument } from '@/store/app-store';
import { selectProblems, selectRows } from '@/store/derived';
import { fileStem } from '@/store/file-commands';
import { AppStoreProvider, useAppStoreApi } from '@/store/store-context';
import { useShortcuts } from '@/store/use-shortcuts';
import { FlowMatrix } from '@/table/flow-matrix';

const FORMAT_NAMES: Record<ExportKind, string> = {
  xlsx: 'Excel workbook',
  csv: 'CSV file',
  json: 'JSON file',
  png: 'PNG image',
  svg: 'SVG image',
};

function Shell() {
  useShortcuts();
  const store = useAppStoreApi();
  const capture = useDiagramImage();
  const [busy, setBusy] = useState<ExportKind | null>(null);

  const runExport = useCallback(
    async (kind: ExportKind) => {
      const state = store.getState();
      setBusy(kind);
      try {
        if (kind === 'png' || kind === 'svg') {
          downloadDataUrl(await capture(kind), `${fileStem(state.name)}.${kind}`);
        } else {
          let diagramPng: Uint8Array | undefined;
          if (kind === 'xlsx' && state.hosts.length > 0) {
            // The workbook carries the diagram when it can be drawn; the matrix matters more.
            diagramPng = await capture('png')
              .then(dataUrlToBytes)
              .catch(() => undefined);
          }
          // Loaded on first export only, so the first page load does not pay for it.
          const { exportFlowMatrix } = await import('@/export/download');
          await exportFlowMatrix(kind, {
            document: toDocument(state),
            catalogue: state.catalogue,
            rows: selectRows(store),
            ...(diagramPng ? { diagramPng } : {}),
          });
        }
        state.notify({
          tone: 'success',
          title: `Exported the ${kind === 'png' || kind === 'svg' ? 'diagram' : 'flow matrix'} as a ${FORMAT_NAMES[kind]}.`,
        });
      } catch (error) {
        state.notify({
          tone: 'error',
          title: `The ${FORMAT_NAMES[kind]} export failed.`,
          details: [error instanceof Error ? error.message : String(error)],
        });
      } finally {
        setBusy(null);
      }
    },
    [store, capture],
  );

  // Errors do not block an export, but the planner hears of them first.
  const onExport = useCallback(
    (kind: ExportKind) => {
      const errors = selectProblems(store).counts.error;
      if (errors === 0) {
        void runExport(kind);
        return;
      }
      const what = kind === 'png' || kind === 'svg' ? 'diagram' : 'flow matrix';
      const n = `${errors} error${errors === 1 ? '' : 's'}`;
      store.getState().askConfirm({
        title: `Export with ${n}?`,
        message: `The checks found ${n} in this diagram: the hierarchy cannot work as drawn, so the ${what} may miss connections it needs. Export anyway, or cancel to see them in Problems.`,
        confirmLabel: 'Export anyway',
        onConfirm: () => void runExport(kind),
        onCancel: () => store.getState().setSidePanel('problems'),
      });
    },
    [store, runExport],
  );

  return (
    <div className="app">
      <Toolbar onExport={onExport} busy={busy} />
      <AutosaveBanner />
      <div className="workspace">
        <div className="left-column">
          <Palette />
          <Legend />
        </div>
        <main className="workspace__center">
          <Toasts />
          <DiagramCanvas />
          <FlowMatrix />
        </main>
        <SidePanel />
      </div>
      <ConfirmDialog />
    </div>
  );
}

/** The designer: where the store, the canvas, the panels and the matrix meet. */
export function App({ store }: { store: AppStore }) {
  return (
    <AppStoreProvider store={store}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </AppStoreProvider>
  );
}
