import { labelDetail, labelLines, labelPosition, labelScale, linkModels } from '@/canvas/link-model';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import { makeDocument, makeHost, makeLink } from '../builders';

function modelsFor(hosts: Parameters<typeof makeDocument>[0], links: Parameters<typeof makeDocument>[1]) {
  const doc = makeDocument(hosts, links);
  return linkModels(doc.links, deriveFlows(doc, catalogue).flows, catalogue);
}

describe('link models', () => {
  it('colours a client–MP link by its service classes, one-way from the client', () => {
    const model = modelsFor(
      [makeHost('pc', ['client']), makeHost('mp', ['management-point'])],
      [makeLink('pc', 'mp', 'l1')],
    ).get('l1');
    expect(model?.forward).toBe(true);
    expect(model?.backward).toBe(false);
    const ids = model?.services.map((s) => s.id) ?? [];
    expect(ids).toContain('web');
    expect(ids).toContain('notification');
    for (const s of model?.services ?? []) expect(s.color).toBe(catalogue.serviceById.get(s.id)?.color);
    expect(labelLines(model!, 'full', 'no ports')).toEqual(['TCP 80 443 10123']);
  });

  it('marks a link both sides initiate (site server ↔ MP)', () => {
    const model = modelsFor(
      [makeHost('site', ['site-server']), makeHost('mp', ['management-point'])],
      [makeLink('mp', 'site', 'l1')],
    ).get('l1');
    expect(model?.forward && model?.backward).toBe(true);
    expect(model?.dynamic).toBe(true);
  });

  it('marks a link without flows as empty', () => {
    const model = modelsFor(
      [makeHost('pc', ['client']), makeHost('sql', ['sql-server'])],
      [makeLink('pc', 'sql', 'l1')],
    ).get('l1');
    expect(model).toMatchObject({ empty: true, flowCount: 0, services: [] });
    expect(labelLines(model!, 'full', 'no ports')).toEqual(['no ports']);
  });

  it('shortens labels as the view zooms out and hides them when tiny', () => {
    expect(labelDetail(1)).toBe('full');
    expect(labelDetail(0.5)).toBe('short');
    expect(labelDetail(0.2)).toBe('none');
    const model = modelsFor(
      [makeHost('pc', ['client']), makeHost('mp', ['management-point'])],
      [makeLink('pc', 'mp', 'l1')],
    ).get('l1')!;
    // Zoomed out a label still lists its ports (issue 12), never just "3 ports".
    expect(labelLines(model, 'short', 'no ports')).toEqual(['TCP 80 443 10123']);
    const single = (port: number) => ({ kind: 'single' as const, port });
    const many = {
      ...model,
      ports: [
        { protocol: 'TCP' as const, ports: [1, 2, 3, 4, 5].map(single) },
        { protocol: 'UDP' as const, ports: [{ kind: 'range' as const, from: 6, to: 9 }] },
      ],
    };
    expect(labelLines(many, 'short', 'no ports')).toEqual(['TCP 1 2 3 +2', 'UDP 6-9']);
    expect(labelLines(model, 'none', 'no ports')).toEqual([]);
    expect(labelLines(model, 'full', 'no ports', 2)).toEqual(['TCP 80 +2']);
    expect(labelScale(1)).toBe(1);
    expect(labelScale(0.5)).toBe(1.5);
  });

  it('puts a label nearer the host with fewer links', () => {
    expect(labelPosition(3, 3)).toBe(0.5);
    expect(labelPosition(6, 1)).toBeGreaterThan(0.5);
    expect(labelPosition(1, 6)).toBeLessThan(0.5);
    expect(labelPosition(40, 1)).toBeCloseTo(0.7);
  });
});
