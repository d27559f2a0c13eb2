import { flowKey } from '@/domain/firewall/flow-key';
import { formatPort } from '@/domain/flow';
import { toDocument } from '@/store/app-store';
import { selectProblems, selectRows } from '@/store/derived';
import { clearTestResults, importTestResults } from '@/store/results-commands';
import { historyOf } from '@/store/store-types';
import { makeStore } from '../builders';
import { smallTopology } from '../export/ps1-support';
import { text as words } from './text';

const HEADER = 'source,target,protocol,port,result';

function setup() {
  const store = makeStore(smallTopology());
  const rows = selectRows(store);
  const row = (source: string, target: string, port: string) => {
    const found = rows.find((r) => r.source === source && r.target === target && formatPort(r.port) === port);
    if (!found) throw new Error(`no flow ${source} -> ${target} ${port}`);
    return found;
  };
  return { store, row };
}

describe('importing test results into the diagram', () => {
  it('merges verified and blocked flows as one undo step and counts them in a notice', () => {
    const { store, row } = setup();
    const csv = [
      HEADER,
      'Clients,MP01,TCP,80,open',
      'Clients,MP01,TCP,443,blocked',
      'ADMIN,PROV01,UDP,135,untested',
    ].join('\n');
    expect(importTestResults(store, csv, 'results.csv')).toBe(true);
    expect(store.getState().results).toEqual({
      [flowKey(row('Clients', 'MP01', '80'))]: 'verified',
      [flowKey(row('Clients', 'MP01', '443'))]: 'blocked',
    });
    const notice = store.getState().notices.at(-1);
    expect(notice?.tone).toBe('warning');
    expect(words(notice?.title)).toBe(
      'Test results from "results.csv": 1 flow verified, 1 blocked, 1 untested.',
    );
    expect(notice?.details).toEqual([]);
    // Saved with the document, and one Undo takes the whole import back.
    expect(toDocument(store.getState()).results).toEqual(store.getState().results);
    historyOf(store).getState().undo();
    expect(store.getState().results).toBeUndefined();
  });

  it('reports unknown lines with their line and reason in words, applies the rest, guesses nothing', () => {
    const { store, row } = setup();
    const csv = [
      HEADER,
      'Nobody,MP01,TCP,80,open',
      'Clients,MP01,TCP,80,open',
      'Clients,MP01,ICMP,80,open',
      'Clients,MP01,TCP,99999,open',
      'Clients,MP01,TCP,80,maybe',
      'Clients,DP01,TCP,80,open',
      'Clients,MP01',
    ].join('\r\n');
    importTestResults(store, csv, 'r.csv');
    expect(store.getState().results).toEqual({ [flowKey(row('Clients', 'MP01', '80'))]: 'verified' });
    const notice = store.getState().notices.at(-1);
    expect(notice).toMatchObject({ tone: 'warning', sticky: true });
    expect(notice?.details?.map(words)).toEqual([
      '6 lines were not applied:',
      'Line 2: no host is called "Nobody"',
      'Line 4: "ICMP" is neither TCP nor UDP',
      'Line 5: "99999" is not a port or a port range',
      'Line 6: "maybe" is none of open, blocked, untested',
      'Line 7: no flow of the diagram goes from "Clients" to "DP01" on TCP 80',
      'Line 8: fewer fields than the header has columns',
    ]);
  });

  it('a retest takes the new result; a file that changes nothing adds no undo step', () => {
    const { store, row } = setup();
    importTestResults(store, `${HEADER}\nClients,MP01,TCP,443,blocked`, 'a.csv');
    importTestResults(store, `${HEADER}\nClients,MP01,TCP,443,open\nClients,MP01,TCP,80,blocked`, 'b.csv');
    expect(store.getState().results).toEqual({
      [flowKey(row('Clients', 'MP01', '443'))]: 'verified',
      [flowKey(row('Clients', 'MP01', '80'))]: 'blocked',
    });
    const steps = historyOf(store).getState().pastStates.length;
    expect(importTestResults(store, `${HEADER}\nClients,MP01,TCP,80,blocked`, 'c.csv')).toBe(false);
    expect(historyOf(store).getState().pastStates.length).toBe(steps);
  });

  it('refuses a file without the needed columns and leaves the diagram as it is', () => {
    const { store } = setup();
    expect(importTestResults(store, 'source,target,port\nClients,MP01,80', 'x.csv')).toBe(false);
    expect(store.getState().results).toBeUndefined();
    const notice = store.getState().notices.at(-1);
    expect(notice?.tone).toBe('error');
    expect(words(notice?.title)).toMatch(/"x\.csv".*unchanged/);
    expect(words(notice?.details?.[0])).toMatch(/lacks the column protocol and result/);
  });

  it('lists blocked flows in the problems and shows them in the matrix rows', () => {
    const { store, row } = setup();
    importTestResults(store, `${HEADER}\nClients,MP01,TCP,443,blocked\nClients,MP01,TCP,80,open`, 'r.csv');
    const blocked = selectProblems(store).findings.filter((f) => f.check === 'flow-blocked');
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.links).toEqual([row('Clients', 'MP01', '443').linkId]);
    const rows = selectRows(store);
    const verified = (port: string) =>
      rows.find((r) => r.source === 'Clients' && r.target === 'MP01' && formatPort(r.port) === port)
        ?.verified;
    expect(verified('443')).toBe('blocked');
    expect(verified('80')).toBe('verified');
  });

  it('clears every result as one undo step', () => {
    const { store } = setup();
    expect(clearTestResults(store)).toBe(false);
    importTestResults(store, `${HEADER}\nClients,MP01,TCP,443,blocked`, 'r.csv');
    const results = store.getState().results;
    expect(clearTestResults(store)).toBe(true);
    expect(store.getState().results).toBeUndefined();
    expect(words(store.getState().notices.at(-1)?.title)).toBe(
      'Test results cleared; Undo brings them back.',
    );
    expect(selectProblems(store).findings.some((f) => f.check === 'flow-blocked')).toBe(false);
    historyOf(store).getState().undo();
    expect(store.getState().results).toBe(results);
  });
});
