/**
 * One export measurement in a fresh process: `node --import tsx bench/export-worker.ts <xlsx|csv> <rows>`
 * prints a JSON line with the median time, the file size and the process's peak memory.
 */
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { flowsToRows } from '@/domain/rows';
import { rowsToCsv } from '@/export/csv';
import { writeWorkbook } from '@/export/xlsx';
import { rowWords } from '@/i18n/row-words';
import { median } from './stats';
import { syntheticHierarchy } from './synthetic';

const format = process.argv[2] ?? 'csv';
const count = Number(process.argv[3] ?? 10_000);
const doc = syntheticHierarchy(Math.ceil(count / 10), catalogue);
let rows = flowsToRows(deriveFlows(doc, catalogue).flows, doc, rowWords(catalogue, 'en'));
while (rows.length < count) rows = rows.concat(rows.slice(0, count - rows.length));
rows = rows.slice(0, count);

const runs = format === 'xlsx' && count >= 100_000 ? 3 : 5;
const times: number[] = [];
let bytes = 0;
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  const out = format === 'xlsx' ? await writeWorkbook({ rows, document: doc, catalogue }) : rowsToCsv(rows);
  times.push(performance.now() - start);
  bytes = typeof out === 'string' ? Buffer.byteLength(out) : out.byteLength;
}
console.log(
  JSON.stringify({
    format,
    rows: rows.length,
    ms: median(times),
    bytes,
    maxRss: process.resourceUsage().maxRSS * 1024,
  }),
);
