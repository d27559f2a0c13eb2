/**
 * `npm run derive -- <topology.json> [--format json|csv|xlsx] [--out FILE]`
 * Derives the flow matrix of a topology file. JSON to stdout by default.
 */
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { flowsToRows } from '@/domain/rows';
import { rowsToCsv } from '@/export/csv';
import { rowsToJson } from '@/export/json';
import { version as APP_VERSION } from '../../package.json';
import { parseArgs, UsageError } from './args';
import { CliError, loadTopology, runCli, writeOutput } from './io';

const FORMATS = ['json', 'csv', 'xlsx'] as const;

await runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ['format', 'out']);
  const format = args.options.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  }
  const out = args.options.out;
  if (format === 'xlsx' && !out) throw new CliError('--format xlsx needs --out FILE');
  const { document, problems } = loadTopology(args.file, catalogue);
  for (const problem of problems) process.stderr.write(`warning: ${problem}\n`);
  const { flows, emptyLinks } = deriveFlows(document, catalogue);
  for (const id of emptyLinks) process.stderr.write(`warning: link ${id} carries no flow\n`);
  const rows = flowsToRows(flows, document, catalogue);
  if (rows.length === 0) process.stderr.write('warning: the topology yields no flows\n');
  let data: string | Uint8Array;
  if (format === 'csv') data = rowsToCsv(rows);
  else if (format === 'xlsx') {
    // No diagram picture here: the CLI has no canvas to draw it from.
    const { writeWorkbook } = await import('@/export/xlsx');
    data = await writeWorkbook({
      rows,
      document,
      catalogue,
      appVersion: APP_VERSION,
      exportedAt: new Date(),
    });
  } else data = rowsToJson(rows);
  if (out) writeOutput(out, data);
  else process.stdout.write(data);
  return 0;
});
