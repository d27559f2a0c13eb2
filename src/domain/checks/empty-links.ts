import type { Host, Link } from '../document';
import { message } from '../message';
import type { CheckContext } from './context';
import type { Finding } from './finding';

/**
 * The empty-link findings the incremental checker keeps: each with the link and hosts it was made
 * of, and the last list with the derivation's list of empty links it was made from, so an edit
 * that changed no empty link, and none of their hosts, lists nothing again.
 */
export class KeptEmptyLinks {
  readonly byId = new Map<string, { link: Link; a?: Host; b?: Host; finding: Finding }>();
  private last: { from: readonly string[]; findings: Finding[]; ids: Set<string> } | undefined;

  /**
   * Forgets what an edit changed.
   *
   * @param links - Ids of links removed, added or replaced.
   * @param hosts - Ids of hosts removed, added or replaced.
   */
  forget(links: readonly string[], hosts: readonly string[]): void {
    for (const id of links) {
      this.byId.delete(id);
      if (this.last?.ids.has(id)) this.last = undefined;
    }
    if (hosts.some((id) => this.last?.ids.has(id))) this.last = undefined;
  }

  clear(): void {
    this.byId.clear();
    this.last = undefined;
  }

  /** The last list, when it was made from this list of empty links. */
  listFor(from: readonly string[]): Finding[] | undefined {
    return this.last?.from === from ? this.last.findings : undefined;
  }

  /** Keeps a list with the link and host ids it read. */
  keep(from: readonly string[], findings: Finding[], ids: Set<string>): void {
    this.last = { from, findings, ids };
  }
}

/**
 * Links the engine derived no flow for: their hosts' roles share no rule in force.
 *
 * @param ctx - The run's context.
 * @returns One warning per empty link, in link order.
 * @example
 * emptyLinks(ctx).map((f) => f.id); // ['empty-link:l7']
 */
export function emptyLinks(ctx: CheckContext): Finding[] {
  const from = ctx.derivation.emptyLinks;
  const kept = ctx.kept?.listFor(from);
  if (kept) return kept;
  const findings = emptyLinksNow(ctx);
  if (ctx.kept) {
    const ids = new Set<string>();
    for (const id of from) {
      ids.add(id);
      const link = ctx.linkById.get(id);
      if (link) ids.add(link.source).add(link.target);
    }
    ctx.kept.keep(from, findings, ids);
  }
  return findings;
}

/** The empty-link findings, each made again only when its link or hosts changed. */
function emptyLinksNow(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const id of ctx.derivation.emptyLinks) {
    const link = ctx.linkById.get(id);
    if (!link) continue;
    const a = ctx.hostById.get(link.source);
    const b = ctx.hostById.get(link.target);
    // The same link and host objects give the same finding: the incremental checker keeps it.
    const kept = ctx.kept?.byId.get(id);
    if (kept && kept.link === link && kept.a === a && kept.b === b) {
      findings.push(kept.finding);
      continue;
    }
    const hosts = [link.source, link.target].filter((h) => ctx.hostById.has(h));
    const roles = (h: Host) =>
      h.roles.length > 0 ? ctx.roleList(h.roles) : { message: message('checks:list.noRoles') };
    const text =
      a && b
        ? message('checks:emptyLink', {
            a: ctx.name(a.id),
            b: ctx.name(b.id),
            rolesA: roles(a),
            rolesB: roles(b),
          })
        : message('checks:emptyLinkMissingHost', { link: id });
    const finding: Finding = {
      id: `empty-link:${id}`,
      check: 'empty-link',
      severity: 'warning',
      message: text,
      hosts,
      links: [id],
    };
    ctx.kept?.byId.set(id, { link, a, b, finding });
    findings.push(finding);
  }
  return findings;
}
