import { cellValue, FLOW_COLUMNS } from '@/domain/rows';
import { rowsToJson } from '@/export/json';
import { loadExample, rowsOf } from './support';

const rows = rowsOf(loadExample('hierarchy'));

describe('rowsToJson', () => {
  const parsed = JSON.parse(rowsToJson(rows)) as Record<string, unknown>[];

  it('writes one object per flow with the matrix columns, the section link and the risk flag', () => {
    expect(parsed).toHaveLength(rows.length);
    expect(Object.keys(parsed[0]!)).toEqual([
      ...FLOW_COLUMNS.map((c) => c.key),
      'sectionUrl',
      'highRisk',
      'sourceFqdn',
      'sourceIp',
      'sourceZoneCidrs',
      'targetFqdn',
      'targetIp',
      'targetZoneCidrs',
      'sectionTitles',
    ]);
    parsed.forEach((object, i) => {
      const row = rows[i]!;
      for (const column of FLOW_COLUMNS) expect(object[column.key]).toEqual(cellValue(row, column.key));
      expect(object.port).toEqual(
        row.port.kind === 'single' ? row.port.port : `${row.port.from}-${row.port.to}`,
      );
      expect(object.section).toBe(row.sections.join(';'));
      expect(object.sectionUrl).toBe(row.sectionUrl);
      expect(object.highRisk).toBe(row.highRisk);
      expect(object.sourceIp).toBe(row.sourceIp);
      expect(object.targetFqdn).toBe(row.targetFqdn);
      expect(object.sectionTitles).toEqual(row.sectionTitles);
      expect(object.verified).toBe('untested');
    });
  });

  it('keeps ports as numbers, ranges as text and configurable as a boolean', () => {
    expect(parsed.some((o) => typeof o.port === 'number')).toBe(true);
    expect(parsed.some((o) => o.port === '49152-65535' && o.highRisk === true)).toBe(true);
    expect(parsed.every((o) => typeof o.configurable === 'boolean')).toBe(true);
  });

  it('writes an empty array for no rows', () => {
    expect(JSON.parse(rowsToJson([]))).toEqual([]);
  });
});
