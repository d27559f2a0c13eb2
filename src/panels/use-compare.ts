/**
 * "Compare with…" (issue 17): picks an earlier request (a saved diagram or one of our exported
 * workbooks), reads it into matrix rows, and hands them to the store's compare slice; the dialog
 * then offers the delta as downloads. The workbook reader and the delta writers are handed in by
 * src/app.tsx (leaves meet there), each loaded on first use.
 */
import { type RefObject, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '@/domain/catalogue-types';
import type { DeltaRow, FlowDelta } from '@/domain/delta/delta-types';
import { rowsOfSavedDocument } from '@/domain/delta/saved-document';
import { fileName } from '@/domain/file-name';
import { MAX_FILE_BYTES } from '@/domain/limits';
import { type Message, message } from '@/domain/message';
import { languageOf } from '@/i18n/format-message';
import type { Language } from '@/i18n/languages';
import { rowWords } from '@/i18n/row-words';
import { selectDelta } from '@/store/compare-delta';
import type { EarlierRequest } from '@/store/compare-slice';
import { downloadFile } from '@/store/download';
import { useAppStoreApi } from '@/store/store-context';
import type { Text } from '@/store/ui-types';

/** What reading an earlier workbook gives: src/export/read-workbook's `readOurWorkbook`. */
export type EarlierWorkbookReader = (
  bytes: Uint8Array,
) => Promise<
  | { readonly ok: true; readonly rows: readonly DeltaRow[]; readonly problems: readonly Message[] }
  | { readonly ok: false; readonly error: Message }
>;

/** The I/O "Compare with…" needs from src/export. */
export interface CompareIo {
  readonly readWorkbook: EarlierWorkbookReader;
  /** The delta as CSV text (src/export/delta-csv). */
  readonly deltaCsv: (delta: FlowDelta, language: Language) => Promise<string>;
  /** The delta as a workbook with one "Changes" sheet (src/export/xlsx/delta-workbook). */
  readonly deltaWorkbook: (
    delta: FlowDelta,
    options: { readonly title: string; readonly language: Language },
  ) => Promise<Uint8Array>;
}

export interface CompareFlow {
  /** The hidden file input the menu item clicks (the compare view renders it). */
  readonly input: RefObject<HTMLInputElement | null>;
  /** Opens the file picker: call from the click itself (browsers ask for a user's gesture). */
  readonly pick: () => void;
  /** Reads a file and opens the comparison; a bad file is said in a notice, nothing else changes. */
  readonly openFile: (file: File) => Promise<void>;
  readonly download: (kind: 'csv' | 'xlsx') => Promise<void>;
  /** A file is being read or a download written. */
  readonly busy: boolean;
}

type Read =
  | { readonly ok: true; readonly earlier: EarlierRequest }
  | { readonly ok: false; readonly why: Text };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** Skips a byte order mark and blanks: a saved diagram starts with `{`. */
function looksLikeJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '');
  return head.trimStart().startsWith('{');
}

/**
 * Reads an earlier request: a workbook (a zip, or named .xlsx) through the workbook reader, a
 * saved diagram derived with its own edition, worded in `language` as today's rows are.
 */
async function readEarlier(
  file: File,
  catalogue: Catalogue,
  language: Language,
  readWorkbook: EarlierWorkbookReader,
): Promise<Read> {
  if (file.size > MAX_FILE_BYTES)
    return { ok: false, why: message('compare:failed.tooLarge', { limit: MAX_FILE_BYTES / 1024 / 1024 }) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isZip(bytes) || /\.xlsx$/i.test(file.name)) {
    const read = await readWorkbook(bytes);
    if (!read.ok) return { ok: false, why: read.error };
    return { ok: true, earlier: { fileName: file.name, rows: read.rows, skipped: read.problems } };
  }
  if (!looksLikeJson(bytes) && !/\.json$/i.test(file.name))
    return { ok: false, why: message('compare:failed.notOurs') };
  const saved = rowsOfSavedDocument(new TextDecoder().decode(bytes), catalogue, (c) => rowWords(c, language));
  if (!saved.ok) return { ok: false, why: saved.error };
  return { ok: true, earlier: { fileName: file.name, rows: saved.rows, skipped: [] } };
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The "Compare with…" flow: the picker, the reading and the downloads of the open comparison.
 *
 * @param io - The workbook reader and the delta writers (src/export), handed in by the app.
 */
export function useCompare(io: CompareIo): CompareFlow {
  const store = useAppStoreApi();
  const { i18n } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const pick = useCallback(() => input.current?.click(), []);

  const openFile = useCallback(
    async (file: File) => {
      setBusy(true);
      try {
        const { catalogue } = store.getState();
        const read = await readEarlier(file, catalogue, languageOf(i18n), io.readWorkbook).catch(
          (error: unknown): Read => ({ ok: false, why: reasonOf(error) }),
        );
        if (read.ok) store.getState().startComparison(read.earlier);
        else
          store.getState().notify({
            tone: 'error',
            title: message('compare:failed.title', { file: file.name }),
            details: [read.why],
          });
      } finally {
        setBusy(false);
      }
    },
    [store, i18n, io],
  );

  const download = useCallback(
    async (kind: 'csv' | 'xlsx') => {
      const state = store.getState();
      const delta = selectDelta(store);
      if (!delta) return;
      const language = languageOf(i18n);
      const name = fileName(i18n.t('compare:dialog.fileName', { name: state.name }), kind, {
        date: new Date(),
      });
      setBusy(true);
      try {
        if (kind === 'csv') downloadFile(await io.deltaCsv(delta, language), name, 'text/csv;charset=utf-8');
        else {
          const bytes = await io.deltaWorkbook(delta, { title: state.name, language });
          const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
          downloadFile(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
        }
      } catch (error) {
        state.notify({
          tone: 'error',
          title: message('compare:dialog.downloadFailed'),
          details: [reasonOf(error)],
        });
      } finally {
        setBusy(false);
      }
    },
    [store, i18n, io],
  );

  return { input, pick, openFile, download, busy };
}
