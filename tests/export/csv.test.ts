import { FLOW_COLUMNS } from '@/domain/rows';
import { neutraliseCell } from '@/export/cell-safety';
import { rowsToCsv } from '@/export/csv';
import { ENGLISH_HEADERS, loadExample, parseCsv, rowsOf } from './support';

const rows = rowsOf(loadExample('standalone-primary'));

describe('neutraliseCell', () => {
  it.each(['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx', '\nx', '＝1', '＋1', '－1', '＠x'])(
    'prefixes %j with an apostrophe',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it.each(['P01-SITE', '49152-65535', '10.1.0.10', "'quoted", ' =1', 'a=b', ''])(
    'leaves %j alone',
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );
});

describe('rowsToCsv', () => {
  const csv = rowsToCsv(rows);

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFF"Rule",')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the header and one record per flow, in matrix column order', () => {
    const records = parseCsv(csv.slice(1));
    expect(records[0]).toEqual(ENGLISH_HEADERS);
    expect(records).toHaveLength(rows.length + 1);
    const first = records[1]!;
    expect(first[0]).toBe(rows[0]?.id);
    expect(first[FLOW_COLUMNS.findIndex((c) => c.key === 'configurable')]).toBe(
      rows[0]?.configurable ? 'yes' : 'no',
    );
    const range = rows.findIndex(
      (r) => r.port.kind === 'range' && r.port.from === 49152 && r.port.to === 65535,
    );
    expect(range).toBeGreaterThanOrEqual(0);
    expect(records[range + 1]?.[FLOW_COLUMNS.findIndex((c) => c.key === 'port')]).toBe('49152-65535');
  });

  it('quotes every field', () => {
    const lines = csv.slice(1).trimEnd().split('\r\n');
    for (const line of lines) {
      expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
      expect(parseCsv(`${line}\r\n`)[0]).toHaveLength(FLOW_COLUMNS.length);
    }
  });

  it('doubles quotes and keeps line breaks inside a quoted field', () => {
    const odd = rowsToCsv([{ ...rows[0]!, source: 'say "hi"', target: 'two\r\nlines' }]);
    const [, record] = parseCsv(odd.slice(1));
    expect(record?.[1]).toBe('say "hi"');
    expect(record?.[6]).toBe('two\r\nlines');
    expect(odd).toContain('"say ""hi"""');
  });

  it('writes only the header for no rows', () => {
    expect(parseCsv(rowsToCsv([]).slice(1))).toHaveLength(1);
  });
});
