/**
 * The estate import's flow (issue 14): files in (the Import button or a drop on the workspace),
 * a preview, then the imported estate laid out and applied as one undo step. The reader
 * (src/import) and the layout (src/layout) are handed in by src/app.tsx, where leaves meet them.
 */
import { type DragEvent, useCallback, useRef, useState } from 'react';
import type { Catalogue } from '@/domain/catalogue-types';
import type { Position } from '@/domain/document';
import { applyImport, type ImportMode } from '@/domain/import/apply-import';
import type { ImportPreview } from '@/domain/import/import-types';
import { message } from '@/domain/message';
import { toDocument } from '@/store/app-store';
import { useAppStoreApi } from '@/store/store-context';
import type { LayoutRunner } from './use-tidy';

/** Reads the files of one estate into a preview (src/import's `importFiles`). */
export type ImportReader = (
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  catalogue: Catalogue,
) => Promise<ImportPreview>;

/** Where the import stands: nothing open, files being read, or the preview shown. */
export type ImportStage =
  | { readonly stage: 'closed' }
  | { readonly stage: 'reading'; readonly files: number }
  | { readonly stage: 'preview'; readonly preview: ImportPreview; readonly applying: boolean };

export interface ImportFlow {
  readonly stage: ImportStage;
  /** Reads the files and shows the preview; nothing in the diagram changes yet. */
  readonly openFiles: (files: readonly File[]) => void;
  /** Lays the import out and applies it (one undo step). */
  readonly accept: (mode: ImportMode) => void;
  /** Closes the preview; a read or layout still running is dropped when it ends. */
  readonly cancel: () => void;
  /** For the workspace: files dropped on it open the preview; other drags (palette roles) pass by. */
  readonly onDragOver: (event: DragEvent) => void;
  readonly onDrop: (event: DragEvent) => void;
}

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The import's state and commands. A cancelled or failed import never touches the diagram.
 *
 * @param readFiles - src/import's `importFiles`
 * @param runLayout - src/layout's `runLayout`, to lay the imported estate out before it is applied
 */
export function useImport(readFiles: ImportReader, runLayout: LayoutRunner): ImportFlow {
  const store = useAppStoreApi();
  const [stage, setStage] = useState<ImportStage>({ stage: 'closed' });
  // Each opening gets a number; a read or layout that ends after a cancel (or a newer opening) is dropped.
  const session = useRef(0);

  const openFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      const mine = ++session.current;
      setStage({ stage: 'reading', files: files.length });
      try {
        const read = await Promise.all(
          files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
        );
        const preview = await readFiles(read, store.getState().catalogue);
        if (mine === session.current) setStage({ stage: 'preview', preview, applying: false });
      } catch (error) {
        if (mine !== session.current) return;
        setStage({ stage: 'closed' });
        store.getState().notify({
          tone: 'error',
          title: message('notices:import.unreadable'),
          details: [messageOf(error)],
        });
      }
    },
    [store, readFiles],
  );

  const accept = useCallback(
    async (mode: ImportMode) => {
      if (stage.stage !== 'preview' || stage.applying) return;
      const { preview } = stage;
      const mine = session.current;
      setStage({ stage: 'preview', preview, applying: true });
      const state = store.getState();
      let laidOut = preview;
      let layoutError: string | undefined;
      try {
        // The estate alone is laid out (hosts keep the preview's ids); `add` then places it right of the diagram.
        const alone = applyImport(toDocument(state), preview, 'replace');
        const placement = await runLayout(alone, {}, state.catalogue);
        const layout: Record<string, Position> = { ...preview.layout };
        for (const [id, p] of Object.entries(placement.positions)) {
          if (id in layout) layout[id] = { x: Math.round(p.x), y: Math.round(p.y) };
        }
        laidOut = { ...preview, layout };
      } catch (error) {
        // The preview's own placement (sites side by side) still holds the estate.
        layoutError = messageOf(error);
      }
      if (mine !== session.current) return;
      const now = store.getState();
      // Applied to the diagram as it is now, so nothing done while the layout ran is lost.
      now.replaceDocument(applyImport(toDocument(now), laidOut, mode));
      setStage({ stage: 'closed' });
      const made = {
        hosts: { message: message('notices:import.hosts', { count: preview.hosts.length }) },
        links: { message: message('notices:import.links', { count: preview.links.length }) },
      };
      now.notify(
        layoutError
          ? {
              tone: 'warning',
              title: message('notices:import.layoutFailed', made),
              details: [layoutError],
            }
          : { tone: 'success', title: message('notices:import.done', made) },
      );
    },
    [store, runLayout, stage],
  );

  const cancel = useCallback(() => {
    session.current += 1;
    setStage({ stage: 'closed' });
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      void openFiles([...event.dataTransfer.files]);
    },
    [openFiles],
  );

  return {
    stage,
    openFiles: (files) => void openFiles(files),
    accept: (mode) => void accept(mode),
    cancel,
    onDragOver,
    onDrop,
  };
}
