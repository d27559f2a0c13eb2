import { readFileSync } from 'node:fs';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { readDocumentText } from '@/domain/restore';
import { cellText, cellValue, FLOW_COLUMNS, flowsToRows, portValue } from '@/domain/rows';
import { cellWords, rowWords } from '@/i18n/row-words';

const read = readDocumentText(readFileSync('data/examples/standalone-primary.json', 'utf8'), catalogue);
if (!read.ok) throw new Error(read.error.key);
const { flows } = deriveFlows(read.document, catalogue);
const rows = flowsToRows(flows, read.document, rowWords(catalogue, 'en'));

describe('flowsToRows', () => {
  it('keeps each flow port and sections as values, not text', () => {
    expect(rows).toHaveLength(flows.length);
    rows.forEach((row, i) => {
      expect(row.port).toBe(flows[i]!.port);
      expect(row.sections).toEqual(flows[i]!.sections);
    });
    expect(rows.some((r) => r.port.kind === 'range')).toBe(true);
  });
});

describe('cell values and text', () => {
  it('writes a single port as a number and a range as lo-hi', () => {
    expect(portValue({ kind: 'single', port: 443 })).toBe(443);
    expect(portValue({ kind: 'range', from: 49152, to: 65535 })).toBe('49152-65535');
    const range = rows.find((r) => r.port.kind === 'range')!;
    expect(cellValue(range, 'port')).toBe('49152-65535');
    expect(cellText(range, 'port', cellWords('en'))).toBe('49152-65535');
  });

  it('joins the sections with ; and shows booleans as yes/no', () => {
    const row = { ...rows[0]!, sections: ['BKMK_A', 'BKMK_B'], configurable: true };
    expect(cellValue(row, 'section')).toBe('BKMK_A;BKMK_B');
    expect(cellText(row, 'section', cellWords('en'))).toBe('BKMK_A;BKMK_B');
    expect(cellValue(row, 'configurable')).toBe(true);
    expect(cellText(row, 'configurable', cellWords('en'))).toBe('yes');
  });

  it('gives every other column its row field', () => {
    const row = rows[0]!;
    for (const { key } of FLOW_COLUMNS) {
      if (key === 'port' || key === 'section' || key === 'configurable') continue;
      expect(cellValue(row, key)).toBe(row[key]);
    }
  });
});
