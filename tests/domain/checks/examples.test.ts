import { readFileSync } from 'node:fs';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { TopologyDocument } from '@/domain/document';
import { readDocumentText } from '@/domain/restore';
import { text } from './support';

function example(name: string): TopologyDocument {
  const read = readDocumentText(readFileSync(`data/examples/${name}.json`, 'utf8'), catalogue);
  if (!read.ok) throw new Error(JSON.stringify(read.error));
  expect(read.problems).toEqual([]);
  return read.document;
}

/**
 * The shipped examples are templates people start from, so they pass every check: no errors and
 * no warnings. Only info findings remain, the choices in force for the document's notes; they are
 * listed here so a change to an example or a check shows up.
 *
 * all-sections used to be one isolated host pair per section, which tripped ~140 errors (a site
 * server without database, site systems without site server, …) that said nothing about the
 * checks. It is now one coherent hierarchy (scripts/examples.ts): one host per role in
 * primary site P01 below a CAS, links exactly where a section joins two roles plus the three links
 * a working hierarchy needs besides, and it still exercises every section. So it gets no
 * exception either.
 */
describe.each([
  [
    'standalone-primary',
    ['pxe-tftp-reply', 'rpc-dynamic-range', 'site-system-direction', 'wsus-ports:8530-8531'],
  ],
  ['hierarchy', ['rpc-dynamic-range', 'site-installation-ports', 'site-system-direction']],
  [
    'all-sections',
    [
      'pxe-tftp-reply',
      'rpc-dynamic-range',
      'site-installation-ports',
      'site-system-direction',
      'wsus-ports:8530-8531',
    ],
  ],
])('the %s example', (name, infos) => {
  const findings = runChecks(example(name), catalogue);

  it('has no errors and no warnings', () => {
    expect(findings.filter((f) => f.severity !== 'info').map((f) => text(f))).toEqual([]);
  });

  it('explains the note choices in force', () => {
    expect(findings.map((f) => f.id).sort()).toEqual(infos);
  });
});

describe('the all-sections example', () => {
  const doc = example('all-sections');

  it('derives a flow for every section of the port document', () => {
    const covered = new Set(deriveFlows(doc, catalogue).flows.flatMap((f) => f.sections));
    expect(catalogue.sections.filter((s) => !covered.has(s.anchor)).map((s) => s.anchor)).toEqual([]);
  });

  it('labels each section link with the anchors it carries, every anchor once', () => {
    const anchors = doc.links.flatMap((l) => (l.label ? l.label.split(' ') : []));
    expect(anchors.sort()).toEqual(catalogue.sections.map((s) => s.anchor).sort());
  });
});
