/**
 * What the app adds to an export's input to follow and stop it: the phase (drawing the picture,
 * rows n of N, packing), an AbortSignal for Cancel, and whether the workbook should carry a
 * picture drawn from the model. Formats that know none of it (CSV, JSON, scripts) ignore it.
 */
import type { ExportInput, ExportPhase } from './export-format';

/** `drawing`: the workbook's diagram picture is being drawn from the model (before the rows). */
export type WorkbookPhase = ExportPhase | 'drawing';

export type WorkbookProgress = (done: number, total: number, phase?: WorkbookPhase) => void;

export interface ExportControl {
  /** Progress with its phase; `drawing` comes first when a picture is drawn. */
  readonly onProgress?: WorkbookProgress;
  /** Aborting rejects the export with an AbortError and stops its worker: no file comes out. */
  readonly signal?: AbortSignal;
  /** xlsx: draw the "Diagram" sheet's picture from the document in the worker. */
  readonly picture?: boolean;
  /** xlsx: the picture could not be made (why, in English); the workbook has no "Diagram" sheet. */
  readonly onPictureLeftOut?: (reason: string) => void;
}

/** An export's input with the app's controls. */
export type ControlledInput = Omit<ExportInput, 'onProgress'> & ExportControl;

/** The error an aborted export rejects with (a DOMException named AbortError, as fetch's). */
export function abortError(): Error {
  return new DOMException('The export was cancelled.', 'AbortError');
}

/** Whether `error` is an aborted export's rejection. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
