/**
 * The app's exports: a file of the registry (the workbook's writer in a worker), or a picture the
 * canvas draws; progress with its phase and Cancel, notices when done, and a question first when
 * the diagram has errors or hosts without an IP. Moved out of app.tsx, which wires it.
 */
import { useCallback, useRef } from 'react';
import { linkedHostsWithoutIp } from '@/domain/checks/host-ip';
import { fileName } from '@/domain/file-name';
import { type Message, message } from '@/domain/message';
import type { FlowRow } from '@/domain/rows';
import { abortError, isAbortError } from '@/export/export-control';
import { buildExport, findExportFormat } from '@/export/export-formats';
import { appI18n } from '@/i18n/app-i18n';
import { languageOf } from '@/i18n/format-message';
import type { ExportProgressChannel } from '@/panels/export-progress';
import type { DIAGRAM_PICTURES, ExportKind } from '@/panels/toolbar';
import { type AppStore, toDocument } from '@/store/app-store';
import { selectProblems, selectRowSource } from '@/store/derived';
import { downloadFile } from '@/store/download';
import { useAppStoreApi } from '@/store/store-context';

/** Draws the canvas as a picture (a data URL), and turns one into bytes: the canvas's, given in. */
export interface PictureCapture {
  capture(kind: 'png' | 'svg'): Promise<string>;
  toBytes(dataUrl: string): Uint8Array;
}

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
 * Runs exports for the app's toolbar.
 *
 * @param progress - Where the running export's phase goes (the progress panel reads it).
 * @param picture - The canvas's picture capture (the PNG and SVG exports).
 * @returns `onExport` for the menu (asks first on errors or hosts without an IP) and `cancelExport`.
 */
export function useExport(progress: ExportProgressChannel, picture: PictureCapture) {
  const store = useAppStoreApi();
  const running = useRef<AbortController | null>(null);
  const { capture, toBytes } = picture;
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
          const bytes = toBytes(await capture(kind));
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
    [store, capture, toBytes, progress],
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
  return { onExport, cancelExport };
}
