/**
 * `npm run -s check -- <topology.json> [--format text|json] [--edition 2018-de|current]`
 * Runs the hierarchy checks on a topology file and prints the findings: one line each (text, the
 * default) or a JSON array. Exit code 1 when any error remains, 0 otherwise, 2 on bad input.
 */

import { countFindings, type Finding } from '@/domain/checks/finding';
import { runChecks } from '@/domain/checks/run-checks';
import type { TopologyDocument } from '@/domain/document';
import { parseArgs, UsageError } from './args';
import { editionLine, editionOption, loadWithEdition } from './edition';
import { runCli } from './io';

const FORMATS = ['text', 'json'] as const;

/** A finding as the CLI prints it in JSON: host and link ids resolved to names, ids kept beside. */
function toJson(finding: Finding, document: TopologyDocument) {
  const names = new Map(document.hosts.map((h) => [h.id, h.name]));
  const links = new Map(document.links.map((l) => [l.id, l]));
  const name = (id: string) => names.get(id) ?? id;
  return {
    severity: finding.severity,
    check: finding.check,
    id: finding.id,
    message: finding.message,
    hosts: finding.hosts.map(name),
    hostIds: finding.hosts,
    links: finding.links.map((id) => {
      const link = links.get(id);
      return link ? `${name(link.source)} – ${name(link.target)}` : id;
    }),
    linkIds: finding.links,
    ...(finding.sections && finding.sections.length > 0 ? { sections: finding.sections } : {}),
    ...(finding.fix ? { fix: finding.fix.label } : {}),
  };
}

function toLine(finding: Finding, document: TopologyDocument): string {
  const names = new Map(document.hosts.map((h) => [h.id, h.name.trim()]));
  const hosts = finding.hosts.map((id) => names.get(id) ?? id);
  const label = `${finding.severity}:`.padEnd(9);
  return `${label}${finding.message}${hosts.length > 0 ? ` [${hosts.join(', ')}]` : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

await runCli(() => {
  const args = parseArgs(process.argv.slice(2), ['format', 'edition']);
  const edition = editionOption(args.options.edition);
  const format = args.options.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (use ${FORMATS.join(', ')})`);
  }
  const { document, problems, catalogue } = loadWithEdition(args.file, edition);
  for (const problem of problems) process.stderr.write(`warning: ${args.file}: ${problem}\n`);
  const findings = runChecks(document, catalogue);
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify(
        findings.map((f) => toJson(f, document)),
        null,
        2,
      )}\n`,
    );
    process.stderr.write(editionLine(catalogue));
  } else {
    for (const finding of findings) process.stdout.write(`${toLine(finding, document)}\n`);
    process.stderr.write(editionLine(catalogue));
    const counts = countFindings(findings);
    process.stderr.write(
      `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}\n`,
    );
  }
  return countFindings(findings).error > 0 ? 1 : 0;
});
