/**
 * `npm run -s import -- FILE... [--out topology.json] [--edition current|2018-de] [--lang en|de]`
 * Imports an estate (the CSVs of Get-CMSiteRole, Get-CMSite, Get-CMBoundary, boundary groups, and
 * host lists as CSV or XLSX, read together) into a topology document: JSON to stdout by default.
 * What could not be mapped is listed on stderr with its file and line; a file that cannot be read
 * at all stops the run (exit 2) and nothing is written. The result is laid out by the automatic
 * layout (src/layout, issue 12). `--lang` picks the language of what is printed and of the new
 * document's name.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Catalogue } from '@/domain/catalogue-types';
import { countFindings, countsMessage } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import type { TopologyDocument } from '@/domain/document';
import { DEFAULT_EDITION, loadEdition } from '@/domain/editions';
import { applyImport } from '@/domain/import/apply-import';
import { type Message, message } from '@/domain/message';
import { createEmptyDocument, readDocumentText, serializeDocument } from '@/domain/restore';
import type { Language } from '@/i18n/languages';
import { IMPORT_MAX_BYTES, type ImportFile, importFiles } from '@/import/import-files';
import { runLayout } from '@/layout/run-layout';
import { languageOption, UsageError } from './args';
import { editionOption } from './edition';
import { CliError, runCli } from './io';
import { checkOutputPath, reserveOutput } from './output';
import { type CliText, sayIn } from './words';

const FLAGS = ['out', 'edition', 'lang'] as const;
type Flag = (typeof FLAGS)[number];

/** Files and the known flags; the files may be many, unlike the other commands' one topology. */
function parseImportArgs(argv: readonly string[]): { files: string[] } & Partial<Record<Flag, string>> {
  const files: string[] = [];
  const options: Partial<Record<Flag, string>> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (!(FLAGS as readonly string[]).includes(name)) {
      const known = FLAGS.map((f) => `--${f}`).join(', ');
      throw new UsageError(message('cli:usage.unknownFlag', { name, known }));
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || value.trim() === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(message('cli:usage.needsValue', { name }));
    }
    if (inline === undefined) i += 1;
    options[name as Flag] = value;
  }
  if (files.length === 0) throw new UsageError(message('cli:usage.noImportFile'));
  return { files, ...options };
}

function readInput(path: string): ImportFile {
  if (!existsSync(path)) throw new CliError(message('cli:file.missing', { path }));
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliError(message('cli:file.notAFile', { path }));
  if (stat.size > IMPORT_MAX_BYTES)
    throw new CliError(message('cli:file.tooLarge', { path, limit: IMPORT_MAX_BYTES / 1024 / 1024 }));
  return { name: path, bytes: new Uint8Array(readFileSync(path)) };
}

/** The automatic layout (issue 12) over the preview's grid; the grid stays if the layout fails. */
async function laidOut(
  document: TopologyDocument,
  catalogue: Catalogue,
  warn: (text: CliText) => void,
): Promise<TopologyDocument> {
  try {
    const { positions } = await runLayout(document, {}, catalogue);
    return { ...document, layout: { ...document.layout, ...positions } };
  } catch (error) {
    warn(
      message('cli:import.layoutFailed', { reason: error instanceof Error ? error.message : String(error) }),
    );
    return document;
  }
}

/** `file:line (column)`, where a message about one row of an input file points. */
const at = (row: { file: string; line: number; column?: string | undefined }) =>
  `${row.file}:${row.line}${row.column ? ` (${row.column})` : ''}`;

const count = (key: string, n: number): Message => message(key, { count: n });

/** The run's closing lines: what was read, and what the document holds. */
function summary(
  preview: Awaited<ReturnType<typeof importFiles>>,
  document: TopologyDocument,
  language: Language,
  catalogue: Catalogue,
): string[] {
  const say = sayIn(language, catalogue);
  const files = preview.files
    .map((f) => say(message('cli:import.file', { file: basename(f.file), kind: f.kind, count: f.rows })))
    .join(', ');
  const counts = countFindings(runChecks(document, catalogue));
  return [
    say(message('cli:import.read', { files })),
    say(
      message('cli:import.summary', {
        hosts: { message: count('cli:import.hosts', document.hosts.length) },
        links: { message: count('cli:import.links', document.links.length) },
        unmapped: { message: count('cli:import.rows', preview.unmapped.length) },
        counts: { message: countsMessage(counts) },
      }),
    ),
  ];
}

await runCli(async () => {
  const args = parseImportArgs(process.argv.slice(2));
  const language = languageOption(args.lang);
  const catalogue = loadEdition(editionOption(args.edition) ?? DEFAULT_EDITION);
  // Checked before any work: never one of the inputs, a folder or a device.
  const target =
    args.out === undefined ? undefined : args.files.reduce((_, f) => checkOutputPath(args.out ?? '', f), '');
  const inputs = args.files.map(readInput);
  const preview = await importFiles(inputs, catalogue);
  // The import's and restore's messages in the run's language.
  const say = sayIn(language, catalogue);
  const line = (prefix: 'cli:prefix.error' | 'cli:prefix.warning', text: CliText) =>
    process.stderr.write(`${say(message(prefix, { text: say(text) }))}\n`);
  const inRow = (row: Parameters<typeof at>[0], text: Message) =>
    message('cli:prefix.inFile', { file: at(row), text: say(text) });
  for (const error of preview.errors) line('cli:prefix.error', inRow(error, error.message));
  if (preview.errors.length > 0) throw new CliError(count('cli:import.unreadable', preview.errors.length));
  for (const row of preview.unmapped) line('cli:prefix.warning', inRow(row, row.message));
  if (preview.hosts.length === 0) throw new CliError(message('cli:import.noHosts'));
  const files = args.files.map((f) => basename(f)).join(', ');
  const name = say(message('cli:import.documentName', { files })).slice(0, 200);
  const imported = applyImport(createEmptyDocument(catalogue, name), preview, 'replace');
  const document = await laidOut(imported, catalogue, (text) => line('cli:prefix.warning', text));
  const text = serializeDocument(document);
  // The written file goes through the one way in, as the app would read it.
  const check = readDocumentText(text, catalogue);
  const refusal = check.ok ? check.problems[0] : check.error;
  if (refusal) throw new CliError(message('cli:import.notClean', { reason: { message: refusal } }));
  const closing = summary(preview, document, language, catalogue);
  if (target) reserveOutput(target).commit(text);
  else process.stdout.write(text);
  for (const said of closing) process.stderr.write(`${said}\n`);
  return 0;
});
