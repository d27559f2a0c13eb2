import { catalogue } from '@/domain/default-catalogue';
import { toDocument } from '@/store/app-store';
import { PLACEHOLDER_PREFIX, problemsOf, selectProblems } from '@/store/derived';
import { sampleDocument } from '@/store/templates';
import { makeDocument, makeHost, makeLink, makeStore, standaloneWithoutSql } from '../builders';
import { text } from './text';

const history = (store: ReturnType<typeof makeStore>) => store.temporal.getState();

describe('findings as derived data', () => {
  it('finds nothing serious in the standalone example, and infos colour no host', () => {
    const store = makeStore(sampleDocument(catalogue));
    const problems = selectProblems(store);
    expect(problems.counts.error + problems.counts.warning).toBe(0);
    // The example opens 49152-65535 (note 6), has a PXE distribution point (note 4), site systems
    // both sides connect to (note 5) and a software update point on 8530/8531 (note 3).
    expect(problems.findings.map((f) => [f.check, f.severity])).toEqual([
      ['pxe-tftp-reply', 'info'],
      ['rpc-dynamic-range', 'info'],
      ['site-system-direction', 'info'],
      ['wsus-ports', 'info'],
    ]);
    expect(problems.counts.info).toBe(4);
    expect(problems.hosts.size).toBe(0);
    expect(problems.links.size).toBe(0);
    expect(problems.ghosts).toEqual([]);
  });

  it('reports a missing site database as errors on the hosts, ghosts to one placeholder per role and site', () => {
    const store = makeStore(standaloneWithoutSql());
    const problems = selectProblems(store);
    expect(problems.counts.error).toBe(2);
    expect(problems.hosts.get('site')).toMatchObject({ level: 'error', count: 1, errors: 1 });
    expect(problems.hosts.get('mp')).toMatchObject({ level: 'error', count: 1 });
    expect(problems.placeholders).toEqual([
      {
        id: `${PLACEHOLDER_PREFIX}sql-server@P01`,
        role: 'sql-server',
        sources: ['mp', 'site'],
        severity: 'error',
      },
    ]);
    expect(problems.ghosts.map((g) => [g.source, g.target, g.severity])).toEqual([
      ['mp', `${PLACEHOLDER_PREFIX}sql-server@P01`, 'error'],
      ['site', `${PLACEHOLDER_PREFIX}sql-server@P01`, 'error'],
    ]);
  });

  it('replaces the old host statuses: duplicate names and unknown roles are warnings with a count', () => {
    const store = makeStore(
      makeDocument([
        makeHost('a', ['quantum-point'], { name: 'Box' }),
        makeHost('b', ['client'], { name: 'box ' }),
      ]),
    );
    const a = selectProblems(store).hosts.get('a');
    expect(a?.level).toBe('warning');
    expect(a?.count).toBe(a?.messages.length);
    expect(a?.messages.map(text).join('\n')).toMatch(/does not know \("quantum-point"\)/);
    expect(a?.messages.map(text).join('\n')).toMatch(/differ only by case or spaces/);
  });

  it('marks a link without flows and draws a ghost between two hosts that should be linked', () => {
    const problems = problemsOf(
      [
        {
          id: 'empty-link:l1',
          check: 'empty-link',
          severity: 'warning',
          message: { key: 'no flow' },
          hosts: ['a', 'b'],
          links: ['l1'],
        },
        {
          id: 'x',
          check: 'database-link-missing',
          severity: 'error',
          message: { key: 'link them' },
          hosts: ['a'],
          links: [],
          ghost: { source: 'a', target: 'b' },
        },
        {
          id: 'y',
          check: 'peer-missing',
          severity: 'warning',
          message: { key: 'same pair again' },
          hosts: ['b'],
          links: [],
          ghost: { source: 'b', target: 'a' },
        },
        {
          id: 'z',
          check: 'peer-missing',
          severity: 'warning',
          message: { key: 'to a host that is gone' },
          hosts: ['a'],
          links: [],
          ghost: { source: 'a', target: 'gone' },
        },
      ],
      [makeHost('a', ['client']), makeHost('b', ['management-point'])],
    );
    expect(problems.links.get('l1')).toMatchObject({ level: 'warning', count: 1 });
    expect(problems.ghosts).toEqual([
      {
        id: 'ghost:x',
        findingId: 'x',
        source: 'a',
        target: 'b',
        severity: 'error',
        message: { key: 'link them' },
      },
    ]);
  });

  it('does not re-run the checks when a host moves, only when the document changes', () => {
    const store = makeStore(standaloneWithoutSql());
    const before = selectProblems(store);
    store.getState().moveHosts({ mp: { x: 999, y: 999 } });
    store.getState().select(['mp'], []);
    expect(selectProblems(store)).toBe(before);
    store.getState().setHostField('mp', 'name', 'P01-MP09');
    expect(selectProblems(store)).not.toBe(before);
  });
});

describe('applying a fix', () => {
  it('adds the host the fix names, linked and selected, as one undo step', () => {
    const store = makeStore(standaloneWithoutSql());
    const finding = selectProblems(store).findings.find((f) => f.id === 'database-link-missing:mp');
    expect(finding?.fix?.kind).toBe('add-host');
    const steps = history(store).pastStates.length;
    expect(store.getState().applyFix(finding!.fix!)).toBe(true);
    expect(history(store).pastStates.length).toBe(steps + 1);
    const added = store.getState().hosts.at(-1)!;
    expect(added).toMatchObject({ name: 'P01-SQL01', roles: ['sql-server'], site: 'P01' });
    expect(store.getState().selectedHostIds).toEqual([added.id]);
    expect(store.getState().reveal?.nodeIds).toContain(added.id);
    // The fix cannot know the new host's address: in a diagram with addresses it is the one warning.
    expect(selectProblems(store).counts).toMatchObject({ error: 0, warning: 1 });
    const warnings = selectProblems(store).findings.filter((f) => f.severity !== 'info');
    expect(warnings.map((f) => f.id)).toEqual([`host-without-ip:${added.id}`]);
    store.getState().undo();
    expect(store.getState().hosts.map((h) => h.id)).not.toContain(added.id);
    expect(selectProblems(store).counts.error).toBe(2);
  });

  it('adds a missing link and selects it; a fix that no longer fits changes nothing', () => {
    const store = makeStore(
      makeDocument([makeHost('mp', ['management-point']), makeHost('sql', ['sql-server'])], []),
    );
    const fix = { kind: 'add-link', source: 'mp', target: 'sql', label: { key: 'Link them' } } as const;
    expect(store.getState().applyFix(fix)).toBe(true);
    const link = store.getState().links[0]!;
    expect([link.source, link.target]).toEqual(['mp', 'sql']);
    expect(store.getState().selectedLinkIds).toEqual([link.id]);
    const doc = toDocument(store.getState());
    expect(store.getState().applyFix(fix)).toBe(false);
    expect(toDocument(store.getState())).toEqual(doc);
  });

  it('adds a role to a host and selects the host', () => {
    const store = makeStore(makeDocument([makeHost('site', ['site-server'], { site: 'P01' })]));
    store.getState().applyFix({ kind: 'add-role', host: 'site', role: 'sql-server', label: { key: 'Add' } });
    expect(store.getState().hosts[0]?.roles).toEqual(['site-server', 'sql-server']);
    expect(store.getState().selectedHostIds).toEqual(['site']);
  });

  it('never puts ghosts or placeholders into the document', () => {
    const store = makeStore(standaloneWithoutSql());
    const doc = toDocument(store.getState());
    expect(JSON.stringify(doc)).not.toContain(PLACEHOLDER_PREFIX);
    expect(JSON.stringify(doc)).not.toContain('ghost');
  });
});

describe('revealing what a finding concerns', () => {
  it('selects its hosts and links without leaving the side panel, and asks to show them', () => {
    const store = makeStore(
      makeDocument(
        [makeHost('a', ['client']), makeHost('b', ['management-point'])],
        [makeLink('a', 'b', 'l1')],
      ),
    );
    store.getState().setSidePanel('problems');
    store.getState().revealElements(['a', 'gone'], ['l1'], ['missing:x']);
    const state = store.getState();
    expect(state.selectedHostIds).toEqual(['a']);
    expect(state.selectedLinkIds).toEqual(['l1']);
    expect(state.sidePanel).toBe('problems');
    expect(new Set(state.reveal?.nodeIds)).toEqual(new Set(['a', 'b', 'missing:x']));
  });
});

describe('statuses kept across an edit', () => {
  const warn = (id: string, host: string, key: string) => ({
    id,
    check: 'peer-missing' as const,
    severity: 'warning' as const,
    message: { key },
    hosts: [host],
    links: [],
  });

  it('keeps the status object of a host whose messages are the same objects, and makes a changed one afresh', () => {
    const fa = warn('fa', 'a', 'one');
    const fb = warn('fb', 'b', 'two');
    const first = problemsOf([fa, fb], []);
    const second = problemsOf([fa, warn('fb', 'b', 'two'), warn('fc', 'b', 'three')], [], first);
    expect(second.hosts.get('a')).toBe(first.hosts.get('a'));
    expect(second.hosts.get('b')).not.toBe(first.hosts.get('b'));
    expect(second.hosts.get('b')?.count).toBe(2);
    // Without a previous result, as before: equal statuses, new objects.
    expect(problemsOf([fa, fb], []).hosts.get('a')).toEqual(first.hosts.get('a'));
  });

  it('gives the canvas the same status object for hosts an edit did not touch', () => {
    const store = makeStore(
      makeDocument([makeHost('a', ['quantum-point']), makeHost('b', ['quantum-point'])], []),
    );
    const before = selectProblems(store).hosts.get('a');
    expect(before).toBeDefined();
    store.getState().addRoleToHost('b', 'client');
    expect(selectProblems(store).hosts.get('a')).toBe(before);
  });
});
