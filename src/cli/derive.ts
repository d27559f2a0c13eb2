/**
 * `npm run -s derive -- <topology.json> [--format xlsx|csv|json] [--out FILE] [--edition 2018-de|current] [--lang en|de]`
 * `npm run -s derive -- <topology.json> --compare OLD.json|OLD.xlsx [--format delta-csv|delta-xlsx] [--out FILE]`
 * Derives the flow matrix of a topology file. JSON to stdout by default; `--format` takes the ids
 * of the export registry (src/export/export-formats.ts), binary formats need `--out`. `--lang`
 * picks the language of the file (headers, sheets, justifications, yes/no) and of what is printed.
 * `--compare` writes what changed since an earlier request (compare.ts), as the app's "Compare with…".
 */
import { deriveFlows } from '@/domain/derive';
import { message } from '@/domain/message';
import { rowOptions } from '@/domain/results/link-results';
import { flowsToRows } from '@/domain/rows';
import { EXPORT_FORMATS, findExportFormat } from '@/export/export-formats';
import { rowWords } from '@/i18n/row-words';
import { version as APP_VERSION } from '../../package.json';
import { languageOption, parseArgs, UsageError } from './args';
import { DELTA_FORMATS, isDeltaFormat, writeDelta } from './compare';
import { editionLine, editionOption, loadWithEdition } from './edition';
import { CliError, runCli } from './io';
import { checkOutputPath, reserveOutput } from './output';
import { sayIn } from './words';

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ['format', 'out', 'edition', 'lang', 'compare']);
  const edition = editionOption(args.options.edition);
  const language = languageOption(args.options.lang);
  const earlier = args.options.compare;
  const formatId = args.options.format ?? (earlier === undefined ? 'json' : 'delta-csv');
  const delta = isDeltaFormat(formatId) ? formatId : undefined;
  const format = findExportFormat(formatId);
  if (!format && !delta) {
    const formats = [...EXPORT_FORMATS.map((f) => f.id), ...DELTA_FORMATS].join(', ');
    throw new UsageError(message('cli:usage.unknownFormat', { format: formatId, formats }));
  }
  if (delta && earlier === undefined)
    throw new UsageError(message('compare:cli.needsCompare', { format: formatId }));
  if (!delta && earlier !== undefined) throw new UsageError(message('compare:cli.needsDelta'));
  const out = args.options.out;
  if ((delta === 'delta-xlsx' || format?.binary) && out === undefined)
    throw new CliError(message('cli:out.needsOut', { format: formatId }));
  // Checked before any work: never the input, a folder, a device or a link to one.
  const target = out === undefined ? undefined : checkOutputPath(out, args.file);
  const { document, problems, catalogue } = loadWithEdition(args.file, edition);
  const say = sayIn(language, catalogue);
  const warn = (text: Parameters<typeof say>[0], file?: string) => {
    const inFile =
      file === undefined ? say(text) : say(message('cli:prefix.inFile', { file, text: say(text) }));
    process.stderr.write(`${say(message('cli:prefix.warning', { text: inFile }))}\n`);
  };
  for (const problem of problems) warn(problem, args.file);
  // Reserved before the long work, so a kill from here on leaves no file behind.
  const output = target === undefined ? undefined : reserveOutput(target);
  const { flows, emptyLinks } = deriveFlows(document, catalogue);
  for (const id of emptyLinks) warn(message('cli:derive.emptyLink', { id }), args.file);
  // Test results the file holds fill the workbook's and JSON's Verified column, as in the app.
  const rows = flowsToRows(flows, document, rowWords(catalogue, language), rowOptions(document.results));
  if (rows.length === 0) warn(message('cli:derive.noFlows'));
  const data = delta
    ? await writeDelta({
        format: delta,
        earlier: earlier!,
        rows,
        catalogue,
        language,
        title: document.name,
        warn,
      })
    : // No diagram picture here: the CLI has no canvas to draw it from.
      await format!.build({
        rows,
        document,
        catalogue,
        language,
        appVersion: APP_VERSION,
        exportedAt: new Date(),
      });
  if (output) output.commit(data);
  else process.stdout.write(data);
  process.stderr.write(editionLine(catalogue, language));
  return 0;
});
