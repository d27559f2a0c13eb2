import { formatPort } from '../flow';
import { listParam, message } from '../message';
import { linkResults } from '../results/link-results';
import type { CheckContext } from './context';
import type { CheckId, Finding } from './finding';

const FLOW_BLOCKED: CheckId = 'flow-blocked';

/**
 * Links whose flows an imported connectivity test found blocked: one finding per link, naming each
 * blocked protocol and port with the host that opens it. An error, not a warning: a blocked flow is
 * a connection the hierarchy needs that the network drops today, measured rather than guessed, so
 * the hierarchy cannot work as drawn until the firewall opens it (the meaning of `error`). Results
 * of flows the diagram no longer derives are not reported. An estate check: it reads the flows and
 * the results once.
 *
 * @param ctx - The run's context (its document carries the results).
 * @returns One finding per link with a blocked flow.
 * @example
 * english(blockedFlowChecks(ctx)[0]!.message);
 * // 'The connectivity test found 1 flow blocked on the link MP01 – DB01: TCP 1433 from MP01 to DB01'
 */
export function blockedFlowChecks(ctx: CheckContext): Finding[] {
  const results = ctx.document.results;
  if (results === undefined) return [];
  const findings: Finding[] = [];
  for (const [linkId, result] of linkResults(ctx.derivation.flows, results)) {
    const link = ctx.linkById.get(linkId);
    if (!link || result.blocked.length === 0) continue;
    const ports = result.blocked.map((flow) => ({
      message: message('checks:blockedPort', {
        protocol: flow.protocol,
        port: formatPort(flow.port),
        from: ctx.name(flow.initiator),
        to: ctx.name(flow.responder),
      }),
    }));
    findings.push({
      id: `${FLOW_BLOCKED}:${linkId}`,
      check: FLOW_BLOCKED,
      severity: 'error',
      message: message('checks:flowBlocked', {
        count: result.blocked.length,
        a: ctx.name(link.source),
        b: ctx.name(link.target),
        ports: listParam(ports),
      }),
      hosts: [link.source, link.target],
      links: [linkId],
      sections: [...new Set(result.blocked.flatMap((flow) => flow.sections))],
    });
  }
  return findings;
}
