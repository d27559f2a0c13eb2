/**
 * The delta as its own small workbook (one "Changes" sheet). exceljs is loaded with `import()`, as
 * the main workbook does, so it stays in a lazy chunk.
 */
import type { FlowDelta } from '@/domain/delta/delta-types';
import type { Language } from '@/i18n/languages';
import { cellString } from '../cell-safety';
import { writeDeltaSheet } from './delta-sheet';
import { addLocalNames, createEngine, type ExcelJsModule, type LocalName } from './sheet-writer';

export interface DeltaWorkbookOptions {
  /** The diagram's name, as the workbook's title. */
  readonly title?: string;
  /** Defaults to now. */
  readonly exportedAt?: Date;
  /** The sheet's language (name, headers, change words); English when not given. */
  readonly language?: Language;
}

/**
 * Builds a workbook holding the "Changes" sheet of `delta` (frozen header, autofilter). Small
 * (a delta is a few rows), so it is built in memory in any environment.
 */
export async function buildDeltaWorkbook(
  delta: FlowDelta,
  options: DeltaWorkbookOptions = {},
): Promise<Uint8Array> {
  const imported = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  const ExcelJS = imported.default ?? imported;
  const engine = createEngine(ExcelJS, false);
  const { workbook } = engine;
  workbook.creator = 'CM Port Planner';
  if (options.title !== undefined) workbook.title = cellString(options.title);
  workbook.created = options.exportedAt ?? new Date();
  const writer = writeDeltaSheet(engine, delta, options.language);
  const name = writer.filterName(0);
  addLocalNames(
    workbook,
    [name].filter((n): n is LocalName => n !== undefined),
  );
  return engine.finish();
}
