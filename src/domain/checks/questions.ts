import type { Host } from '../document';
import type { CheckContext } from './context';

/** Host ids joined, '' for none: an answer's text. */
function ids(hosts: readonly (Host | undefined)[]): string {
  let out = '';
  for (let i = 0; i < hosts.length; i += 1) {
    const id = hosts[i]?.id ?? '';
    out += i === 0 ? id : `|${id}`;
  }
  return out;
}

/** A site code of a question, '' meaning none. */
function site(code: string): string | undefined {
  return code === '' ? undefined : code;
}

/**
 * The answer to an estate-wide question a traced check asked (`CheckTrace.queries`), as text:
 * after an edit, a host whose questions all answer the same (and whose hosts did not change) need
 * not be checked again.
 *
 * @param ctx - The run's context.
 * @param key - The question, as the context recorded it (`in|management-point|P01`).
 * @returns A text that changes whenever what the question's askers read changes.
 * @example
 * answer(ctx, 'all|site-server'); // 'ss1|ss2': the first two site servers by name
 */
export function answer(ctx: CheckContext, key: string): string {
  const [kind = '', a = '', b = ''] = key.split('|');
  switch (kind) {
    case 'all':
      return ids(ctx.index.hostsWith(a).slice(0, 2));
    case 'in':
      return ids(ctx.index.hostsWithIn(a, site(b)).slice(0, 2));
    case 'servers':
      return ids(ctx.siteServersOf(site(a)));
    case 'db':
      return ids([ctx.databaseHostOf(site(a))]);
    case 'nodb':
      return ids(ctx.serversWithoutDatabase(site(a)));
    case 'top-server':
      return ids([ctx.topSiteServer()]);
    case 'server-sites':
      return [...ctx.serverSites].map((s) => s ?? '~').join('|');
    case 'any-ip':
      return String(ctx.index.addressed > 0);
    default:
      throw new Error(`unknown check question ${key}`);
  }
}

/**
 * Whether an edit can change a question's answer: questions of hosts by role and site read what
 * other hosts' checks read of hosts (`readChanged`); those of site databases read links too; the
 * one of addresses reads every host.
 *
 * @param key - The question.
 * @param edit - Whether hosts changed at all, changed what others read of them, or links changed.
 * @returns False when the last answer still holds.
 * @example
 * mayChange('all|site-server', { hosts: true, reads: false, links: false }); // false: a host moved
 */
export function mayChange(key: string, edit: { hosts: boolean; reads: boolean; links: boolean }): boolean {
  if (key === 'any-ip') return edit.hosts;
  if (key.startsWith('db|') || key.startsWith('nodb|')) return edit.reads || edit.links;
  return edit.reads;
}

/**
 * Questions' keys (`in|management-point|P01`) made once per run: a check on every host looks its
 * key up instead of building it.
 */
export class QuestionKeys {
  private readonly memo = new Map<string, Map<string, Map<string, string>>>();

  /**
   * The key of a question.
   *
   * @param kind - What is asked (`in`, `all`).
   * @param a - Its first part (a role).
   * @param b - Its second part (a site, '' for none), if it has one.
   * @returns `kind|a|b`, or `kind|a` without `b`.
   * @example
   * keys.key('in', 'management-point', 'P01'); // 'in|management-point|P01'
   */
  key(kind: string, a: string, b?: string): string {
    let byA = this.memo.get(kind);
    if (!byA) {
      byA = new Map();
      this.memo.set(kind, byA);
    }
    let byB = byA.get(a);
    if (!byB) {
      byB = new Map();
      byA.set(a, byB);
    }
    // No key has a NUL: it stands for "no second part".
    const tail = b ?? '\u0000';
    let key = byB.get(tail);
    if (key === undefined) {
      key = b === undefined ? `${kind}|${a}` : `${kind}|${a}|${b}`;
      byB.set(tail, key);
    }
    return key;
  }
}
