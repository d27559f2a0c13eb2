/**
 * `npm run -s derive -- <topology.json> [--format xlsx|csv|json] [--out FILE] [--edition 2018-de|current]`
 * Derives the flow matrix of a topology file. JSON to stdout by default; `--format` takes the ids
 * of the export registry (src/export/export-formats.ts), binary formats need `--out`.
 */
import { deriveFlows } from '@/domain/derive';
import { flowsToRows } from '@/domain/rows';
import { EXPORT_FORMATS, findExportFormat } from '@/export/export-formats';
import { version as APP_VERSION } from '../../package.json';
import { parseArgs, UsageError } from './args';
import { editionLine, editionOption, loadWithEdition } from './edition';
import { CliError, runCli } from './io';
import { checkOutputPath, reserveOutput } from './output';

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ['format', 'out', 'edition']);
  const edition = editionOption(args.options.edition);
  const formatId = args.options.format ?? 'json';
  const format = findExportFormat(formatId);
  if (!format) {
    throw new UsageError(`unknown format "${formatId}" (use ${EXPORT_FORMATS.map((f) => f.id).join(', ')})`);
  }
  const out = args.options.out;
  if (format.binary && out === undefined) throw new CliError(`--format ${format.id} needs --out FILE`);
  // Checked before any work: never the input, a folder, a device or a link to one.
  const target = out === undefined ? undefined : checkOutputPath(out, args.file);
  const { document, problems, catalogue } = loadWithEdition(args.file, edition);
  for (const problem of problems) process.stderr.write(`warning: ${args.file}: ${problem}\n`);
  // Reserved before the long work, so a kill from here on leaves no file behind.
  const output = target === undefined ? undefined : reserveOutput(target);
  const { flows, emptyLinks } = deriveFlows(document, catalogue);
  for (const id of emptyLinks) process.stderr.write(`warning: ${args.file}: link ${id} carries no flow\n`);
  const rows = flowsToRows(flows, document, catalogue);
  if (rows.length === 0) process.stderr.write('warning: the topology yields no flows\n');
  // No diagram picture here: the CLI has no canvas to draw it from.
  const data = await format.build({
    rows,
    document,
    catalogue,
    appVersion: APP_VERSION,
    exportedAt: new Date(),
  });
  if (output) output.commit(data);
  else process.stdout.write(data);
  process.stderr.write(editionLine(catalogue));
  return 0;
});
