/**
 * `npm run -s import -- FILE... [--out topology.json] [--edition current|2018-de]`
 * Imports an estate (the CSVs of Get-CMSiteRole, Get-CMSite, Get-CMBoundary, boundary groups, and
 * host lists as CSV or XLSX, read together) into a topology document: JSON to stdout by default.
 * What could not be mapped is listed on stderr with its file and line; a file that cannot be read
 * at all stops the run (exit 2) and nothing is written. The result is laid out by the automatic
 * layout (src/layout, issue 12).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Catalogue } from '@/domain/catalogue-types';
import { countFindings } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import type { TopologyDocument } from '@/domain/document';
import { DEFAULT_EDITION, loadEdition } from '@/domain/editions';
import { applyImport } from '@/domain/import/apply-import';
import { createEmptyDocument, readDocumentText, serializeDocument } from '@/domain/restore';
import { createI18n } from '@/i18n/create-i18n';
import { formatMessage } from '@/i18n/format-message';
import { IMPORT_MAX_BYTES, type ImportFile, importFiles } from '@/import/import-files';
import { runLayout } from '@/layout/run-layout';
import { UsageError } from './args';
import { editionOption } from './edition';
import { CliError, runCli } from './io';
import { checkOutputPath, reserveOutput } from './output';

/** Files and the known flags; the files may be many, unlike the other commands' one topology. */
function parseImportArgs(argv: readonly string[]): { files: string[]; out?: string; edition?: string } {
  const files: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (name !== 'out' && name !== 'edition')
      throw new UsageError(`unknown flag --${name} (known: --out, --edition)`);
    const value = inline ?? argv[i + 1];
    if (value === undefined || value.trim() === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (inline === undefined) i += 1;
    options[name] = value;
  }
  if (files.length === 0) throw new UsageError('no file given: name the CSV or XLSX files of one estate');
  return { files, ...options };
}

function readInput(path: string): ImportFile {
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliError(`${path}: not a file`);
  if (stat.size > IMPORT_MAX_BYTES)
    throw new CliError(`${path}: larger than the ${IMPORT_MAX_BYTES / 1024 / 1024} MB limit`);
  return { name: path, bytes: new Uint8Array(readFileSync(path)) };
}

/** The automatic layout (issue 12) over the preview's grid; the grid stays if the layout fails. */
async function laidOut(document: TopologyDocument, catalogue: Catalogue): Promise<TopologyDocument> {
  try {
    const { positions } = await runLayout(document, {}, catalogue);
    return { ...document, layout: { ...document.layout, ...positions } };
  } catch (error) {
    process.stderr.write(
      `warning: automatic layout failed (${error instanceof Error ? error.message : String(error)}); hosts stay on a grid by site\n`,
    );
    return document;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

await runCli(async () => {
  const args = parseImportArgs(process.argv.slice(2));
  const catalogue = loadEdition(editionOption(args.edition) ?? DEFAULT_EDITION);
  // Checked before any work: never one of the inputs, a folder or a device.
  const target =
    args.out === undefined ? undefined : args.files.reduce((_, f) => checkOutputPath(args.out ?? '', f), '');
  const inputs = args.files.map(readInput);
  const preview = await importFiles(inputs, catalogue);
  // The import's and restore's messages in English words (until the CLI takes a language flag).
  const say = (m: Parameters<typeof formatMessage>[0]) =>
    formatMessage(m, { i18n: createI18n('en'), catalogue });
  for (const error of preview.errors) {
    process.stderr.write(
      `error: ${error.file}:${error.line}${error.column ? ` (${error.column})` : ''}: ${say(error.message)}\n`,
    );
  }
  if (preview.errors.length > 0) {
    throw new CliError(`${plural(preview.errors.length, 'file')} could not be read; nothing written`);
  }
  for (const row of preview.unmapped) {
    process.stderr.write(
      `warning: ${row.file}:${row.line}${row.column ? ` (${row.column})` : ''}: ${say(row.message)}\n`,
    );
  }
  if (preview.hosts.length === 0) throw new CliError('the files hold no host; nothing written');
  const name = `Imported estate (${args.files.map((f) => basename(f)).join(', ')})`.slice(0, 200);
  const imported = applyImport(createEmptyDocument(catalogue, name), preview, 'replace');
  const document = await laidOut(imported, catalogue);
  const text = serializeDocument(document);
  // The written file goes through the one way in, as the app would read it.
  const check = readDocumentText(text, catalogue);
  if (!check.ok || check.problems.length > 0) {
    throw new CliError(
      `the imported document does not restore cleanly (an error in the app): ${say(check.ok ? (check.problems[0] as Parameters<typeof say>[0]) : check.error)}`,
    );
  }
  const counts = countFindings(runChecks(document, catalogue));
  if (target) reserveOutput(target).commit(text);
  else process.stdout.write(text);
  const kinds = preview.files
    .map((f) => `${basename(f.file)} (${f.kind}, ${plural(f.rows, 'row')})`)
    .join(', ');
  process.stderr.write(`read ${kinds}\n`);
  process.stderr.write(
    `${plural(document.hosts.length, 'host')}, ${plural(document.links.length, 'inferred link')}, ${plural(preview.unmapped.length, 'row')} not mapped; checks: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}\n`,
  );
  return 0;
});
