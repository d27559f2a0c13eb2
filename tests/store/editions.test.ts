import { deriveFlows } from '@/domain/derive';
import { loadEdition } from '@/domain/editions';
import { formatPort } from '@/domain/flow';
import { settingsForEdition } from '@/domain/settings';
import { selectDerivation, selectProblems, selectRows } from '@/store/derived';
import { selectCatalogue } from '@/store/use-catalogue';
import { makeDocument, makeHost, makeLink, makeStore } from '../builders';

const linkPorts = (store: ReturnType<typeof makeStore>, linkId: string) =>
  selectRows(store)
    .filter((r) => r.linkId === linkId)
    .map((r) => `${r.protocol} ${formatPort(r.port)}`);

function clientAndDp() {
  return makeStore(
    makeDocument(
      [makeHost('pc', ['client'], { name: 'PC' }), makeHost('dp', ['distribution-point'], { name: 'DP01' })],
      [makeLink('pc', 'dp')],
    ),
  );
}

describe('the store and the edition in force', () => {
  it('derives with the catalogue of the document edition (2018-de for the builders)', () => {
    const store = clientAndDp();
    expect(store.getState().settings.edition).toBe('2018-de');
    expect(selectCatalogue(store.getState())).toBe(loadEdition('2018-de'));
    expect(linkPorts(store, 'pc-dp')).not.toContain('TCP 8005');
  });

  it('switches to current as one undo step: catalogue, rows and problems follow; undo restores all', () => {
    const store = clientAndDp();
    const before = store.getState().settings;
    store.getState().switchEdition('current');
    const state = store.getState();
    expect(state.settings.edition).toBe('current');
    expect(state.settings.ports.expressUpdates).toBe(8005);
    expect(state.catalogue).toBe(loadEdition('current'));
    expect(linkPorts(store, 'pc-dp')).toContain('TCP 8005');
    expect(selectProblems(store).findings).toBeDefined();
    expect(store.temporal.getState().pastStates).toHaveLength(1);

    store.getState().undo();
    expect(store.getState().settings).toBe(before);
    expect(store.getState().catalogue).toBe(loadEdition('2018-de'));
    expect(linkPorts(store, 'pc-dp')).not.toContain('TCP 8005');

    store.getState().redo();
    expect(store.getState().catalogue).toBe(loadEdition('current'));
    expect(linkPorts(store, 'pc-dp')).toContain('TCP 8005');
  });

  it('does nothing when the edition is already in force', () => {
    const store = clientAndDp();
    store.getState().switchEdition('2018-de');
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });

  it('gives the same results as a fresh derivation after switching back and forth with edits between', () => {
    const store = clientAndDp();
    for (const edition of ['current', '2018-de', 'current'] as const) {
      store.getState().switchEdition(edition);
      store.getState().addRoleToHost('dp', 'management-point');
      store.getState().removeRole('dp', 'management-point');
      const { hosts, links, settings } = store.getState();
      expect(selectDerivation(store).flows).toEqual(
        deriveFlows({ hosts, links, settings }, loadEdition(edition)).flows,
      );
    }
  });

  it('follows the edition of a document put in place (open, template)', () => {
    const store = clientAndDp();
    const doc = makeDocument(
      [makeHost('pc', ['client']), makeHost('dp', ['distribution-point'])],
      [['pc', 'dp']],
    );
    store
      .getState()
      .replaceDocument({ ...doc, settings: settingsForEdition(doc.settings, loadEdition('current')) });
    expect(store.getState().catalogue).toBe(loadEdition('current'));
    expect(linkPorts(store, 'pc-dp')).toContain('TCP 8005');
  });
});
