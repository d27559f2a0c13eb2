import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '@/domain/catalogue-types';
import { type Checker, createChecker } from '@/domain/checks/checker';
import type { Finding, Severity } from '@/domain/checks/finding';
import { type Derivation, deriveFlows, flowListOf } from '@/domain/derive';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type Host,
  type Link,
  type Settings,
  type Zone,
} from '@/domain/document';
import type { LinkPlaces } from '@/domain/link-places';
import { createRowSources, type RowSource } from '@/domain/matrix/row-source';
import { rowOptions } from '@/domain/results/link-results';
import { appI18n } from '@/i18n/app-i18n';
import { languageOf } from '@/i18n/format-message';
import type { Language } from '@/i18n/languages';
import { rowWords } from '@/i18n/row-words';
import type { AppState, AppStore } from './app-store';
import { createServiceUse } from './flow-use';
import { createFollower, type Follower } from './follower';
import { type HostLookup, hostLookup } from './host-lookup';
import { memoLast } from './memo-last';
import { type ElementStatus, type Problems, problemsOf } from './problems';
import { useAppStore, useAppStoreApi } from './store-context';

const NO_LAYOUT = {};

export {
  type ElementStatus,
  type GhostLink,
  type MissingRolePlaceholder,
  PLACEHOLDER_PREFIX,
  type Problems,
  placeholderOf,
  problemsOf,
  type StatusLevel,
} from './problems';

interface Memos {
  derivation: (
    hosts: readonly Host[],
    links: readonly Link[],
    settings: Settings,
    catalogue: Catalogue,
    places: LinkPlaces | null,
  ) => Derivation;
  rows: (
    d: Derivation,
    hosts: readonly Host[],
    zones: readonly Zone[],
    c: Catalogue,
    l: Language,
    r: AppState['results'],
  ) => RowSource;
  problems: (
    hosts: readonly Host[],
    links: readonly Link[],
    zones: readonly Zone[],
    settings: Settings,
    derivation: Derivation,
    catalogue: Catalogue,
    results: AppState['results'],
    places: LinkPlaces | null,
  ) => Problems;
  services: (derivation: Derivation) => ReadonlySet<string>;
  hosts: (hosts: readonly Host[]) => HostLookup;
  /** What the screen shows of the problems and the rows: on a large estate a task after the edit's. */
  shownProblems?: Follower<Problems>;
  shownRows: Map<Language, Follower<RowSource>>;
}

const memos = new WeakMap<AppStore, Memos>();

function memosOf(store: AppStore): Memos {
  let m = memos.get(store);
  if (!m) {
    // The last result per catalogue (edition) carries its deriver: passing it on lets an edit
    // re-derive only what it touched, and each edition's deriver stays warm across switches.
    const last = new Map<Catalogue, Derivation>();
    // Likewise one checker per catalogue and its last findings: an edit re-checks only what it touched.
    const checks = new Map<
      Catalogue,
      { checker: Checker; findings?: readonly Finding[]; problems?: Problems }
    >();
    const nextRows = createRowSources(); // each row source reuses the last one's compact columns
    const servicesOf = createServiceUse(); // re-counts only the links an edit touched
    let lookup: HostLookup | undefined;
    // Built on the last one while the hosts keep their ids and order (an edit replaces objects).
    const byId = memoLast((hosts: readonly Host[]) => {
      lookup = hostLookup(hosts, lookup);
      return lookup;
    });
    m = {
      shownRows: new Map(),
      services: memoLast(servicesOf),
      hosts: byId,
      // Positions are not an argument: moving a host never re-derives (ARCHITECTURE example 6).
      derivation: memoLast((hosts, links, settings, catalogue, places) => {
        const result = deriveFlows({ hosts, links, settings, places }, catalogue, last.get(catalogue));
        last.set(catalogue, result);
        return result;
      }),
      rows: memoLast((derivation, hosts, zones, catalogue, language, results) =>
        nextRows(
          flowListOf(derivation),
          { hosts, zones },
          rowWords(catalogue, language),
          rowOptions(results),
        ),
      ),
      // Neither are positions: dragging never re-runs the checks.
      problems: memoLast((hosts, links, zones, settings, derivation, catalogue, results, places) => {
        let run = checks.get(catalogue);
        if (!run) {
          run = { checker: createChecker(catalogue) };
          checks.set(catalogue, run);
        }
        run.findings = run.checker.check(
          {
            format: DOCUMENT_FORMAT,
            version: DOCUMENT_VERSION,
            name: '',
            hosts,
            links,
            zones,
            settings,
            layout: NO_LAYOUT,
            results,
          },
          derivation,
          run.findings,
          places,
        );
        // Statuses the edit did not change keep their objects: the canvas keeps those hosts' nodes.
        run.problems = problemsOf(run.findings, byId(hosts), run.problems);
        return run.problems;
      }),
    };
    memos.set(store, m);
  }
  return m;
}

/** The derivation for the store's current hosts, links and settings; one shared, memoised result. */
export function selectDerivation(store: AppStore, state: AppState = store.getState()): Derivation {
  return memosOf(store).derivation(
    state.hosts,
    state.links,
    state.settings,
    state.catalogue,
    state.linkPlaces,
  );
}

/** The matrix rows in `language` (the app's now), made as read: an edit makes none; a language switch re-words. */
export function selectRowSource(
  store: AppStore,
  state = store.getState(),
  language = languageOf(appI18n),
): RowSource {
  return memosOf(store).rows(
    selectDerivation(store, state),
    state.hosts,
    state.zones,
    state.catalogue,
    language,
    state.results,
  );
}

/** Every flow matrix row (made on the first call per derivation and language): what every export writes. */
export const selectRows = (store: AppStore, state?: AppState, language?: Language) =>
  selectRowSource(store, state, language).rows();

/** The checks' findings and their shapes on screen; recomputed only when the document (not a position) changes. */
export function selectProblems(store: AppStore, state: AppState = store.getState()): Problems {
  return memosOf(store).problems(
    state.hosts,
    state.links,
    state.zones,
    state.settings,
    selectDerivation(store, state),
    state.catalogue,
    state.results,
    state.linkPlaces,
  );
}

/** The document's hosts by id, kept across edits that keep the hosts' ids and order. */
export function selectHostLookup(store: AppStore, state: AppState = store.getState()): HostLookup {
  return memosOf(store).hosts(state.hosts);
}

export function useHostLookup(): HostLookup {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectHostLookup(store, s), [store]));
}

/** The service classes the flows use (the legend's), the same set object while they stay the same. */
export function selectServicesUsed(store: AppStore, state: AppState = store.getState()): ReadonlySet<string> {
  return memosOf(store).services(selectDerivation(store, state));
}

export function useServicesUsed(): ReadonlySet<string> {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectServicesUsed(store, s), [store]));
}

/** Whether the document has no flow at all (re-renders only when that changes). */
export function useNoFlows(): boolean {
  const store = useAppStoreApi();
  return useAppStore(
    useCallback((s: AppState) => flowListOf(selectDerivation(store, s)).length === 0, [store]),
  );
}

export function useDerivation(): Derivation {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectDerivation(store, s), [store]));
}

/** The row source in the app's language: re-renders when the document or the language changes. */
export function useRowSource(): RowSource {
  return useFollower(shownRows(useAppStoreApi(), languageOf(useTranslation().i18n)));
}

/** The problems as the screen shows them: on a large estate they follow an edit in a task of their own. */
export function shownProblems(store: AppStore): Follower<Problems> {
  const m = memosOf(store);
  m.shownProblems ??= createFollower(store, (s) => selectProblems(store, s));
  return m.shownProblems;
}

/** The row source in `language` as the screen shows it: on a large estate a task after the edit's. */
export function shownRows(store: AppStore, language: Language = languageOf(appI18n)): Follower<RowSource> {
  const rows = memosOf(store).shownRows;
  let f = rows.get(language);
  if (!f) {
    f = createFollower(store, (s) => selectRowSource(store, s, language));
    rows.set(language, f);
  }
  return f;
}

function useFollower<T>(follower: Follower<T>): T {
  return useSyncExternalStore(follower.subscribe, follower.get);
}

export function useProblems(): Problems {
  return useFollower(shownProblems(useAppStoreApi()));
}

/** Whether the problems ask for a connection not drawn (the legend's ghost line); re-renders when that changes. */
export function useHasGhosts(): boolean {
  const follower = shownProblems(useAppStoreApi());
  return useSyncExternalStore(follower.subscribe, () => follower.get().ghosts.length > 0);
}

/** Findings per severity (the toolbar's count). */
export function useProblemCounts(): Readonly<Record<Severity, number>> {
  return useProblems().counts;
}

/** Error and warning statuses by host id, from the findings. */
export function useHostStatuses(): ReadonlyMap<string, ElementStatus> {
  return useProblems().hosts;
}
