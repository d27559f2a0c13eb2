import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue, RoleId } from '@/domain/catalogue-types';
import { type Checker, createChecker } from '@/domain/checks/checker';
import { countFindings, type Finding, isRoleGhost, SEVERITIES, type Severity } from '@/domain/checks/finding';
import { type Derivation, deriveFlows } from '@/domain/derive';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type Host,
  type Link,
  type Settings,
  type Zone,
} from '@/domain/document';
import { createRowSources, type RowSource } from '@/domain/matrix/row-source';
import { rowOptions } from '@/domain/results/link-results';
import { appI18n } from '@/i18n/app-i18n';
import { languageOf } from '@/i18n/format-message';
import type { Language } from '@/i18n/languages';
import { rowWords } from '@/i18n/row-words';
import type { AppState, AppStore } from './app-store';
import { memoLast } from './memo-last';
import { useAppStore, useAppStoreApi } from './store-context';

const NO_LAYOUT = {};

/** How a host or link with problems looks: errors win over warnings; infos do not colour anything. */
export type StatusLevel = 'warning' | 'error';

/** The error and warning findings that concern one host or link, for its badge, outline and inspector. */
export interface ElementStatus {
  readonly level: StatusLevel;
  /** The findings' messages, errors first (said in the reader's language where shown). */
  readonly messages: readonly Finding['message'][];
  /** How many error and warning findings concern it (the number on the badge). */
  readonly count: number;
  readonly errors: number;
  readonly warnings: number;
}

/** A required connection that is not drawn, as the canvas draws it: a dashed line between two nodes. */
export interface GhostLink {
  /** `ghost:` plus the id of the finding that asks for it. */
  readonly id: string;
  readonly findingId: string;
  readonly source: string;
  /** A host id, or the id of a {@link MissingRolePlaceholder}. */
  readonly target: string;
  readonly severity: Severity;
  readonly message: Finding['message'];
}

/** A stand-in for a role no host holds, drawn near the hosts that need it. Never part of the document. */
export interface MissingRolePlaceholder {
  /** `missing:<role>` plus the site of the hosts that need it. */
  readonly id: string;
  readonly role: RoleId;
  /** Hosts whose ghost links end at the placeholder. */
  readonly sources: readonly string[];
  readonly severity: Severity;
}

/** Everything the checks say about the document, in the shapes the canvas and the panels draw. */
export interface Problems {
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Severity, number>>;
  readonly hosts: ReadonlyMap<string, ElementStatus>;
  readonly links: ReadonlyMap<string, ElementStatus>;
  readonly ghosts: readonly GhostLink[];
  readonly placeholders: readonly MissingRolePlaceholder[];
}

/** Placeholder ids start with this; no host id can (ids the document uses are plain words). */
export const PLACEHOLDER_PREFIX = 'missing:';

function statusesOf(findings: readonly Finding[], key: 'hosts' | 'links'): Map<string, ElementStatus> {
  const collected = new Map<string, { errors: Finding['message'][]; warnings: Finding['message'][] }>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    for (const id of new Set(f[key])) {
      let entry = collected.get(id);
      if (!entry) {
        entry = { errors: [], warnings: [] };
        collected.set(id, entry);
      }
      (f.severity === 'error' ? entry.errors : entry.warnings).push(f.message);
    }
  }
  const out = new Map<string, ElementStatus>();
  for (const [id, { errors, warnings }] of collected) {
    out.set(id, {
      level: errors.length > 0 ? 'error' : 'warning',
      messages: [...errors, ...warnings],
      count: errors.length + warnings.length,
      errors: errors.length,
      warnings: warnings.length,
    });
  }
  return out;
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/**
 * Shapes findings for the screen: per-host and per-link statuses (errors and warnings), one ghost
 * line per missing connection, and one placeholder per missing role and site, which every host of
 * that site that lacks the role points at.
 */
export function problemsOf(findings: readonly Finding[], hosts: readonly Host[]): Problems {
  const hostById = new Map(hosts.map((h) => [h.id, h]));
  const ghosts = new Map<string, GhostLink>();
  const placeholders = new Map<string, { role: RoleId; sources: string[]; severity: Severity }>();
  for (const f of findings) {
    const ghost = f.ghost;
    if (!ghost || !hostById.has(ghost.source)) continue;
    let target: string;
    if (isRoleGhost(ghost)) {
      const site = hostById.get(ghost.source)?.site ?? '';
      target = `${PLACEHOLDER_PREFIX}${ghost.missingRole}${site ? `@${site}` : ''}`;
      const p = placeholders.get(target);
      if (!p)
        placeholders.set(target, { role: ghost.missingRole, sources: [ghost.source], severity: f.severity });
      else {
        if (!p.sources.includes(ghost.source)) p.sources.push(ghost.source);
        if (rank(f.severity) < rank(p.severity)) p.severity = f.severity;
      }
    } else {
      if (!hostById.has(ghost.target) || ghost.target === ghost.source) continue;
      target = ghost.target;
    }
    // One line per pair of ends, in the colour of the worst finding that asks for it.
    const pair = [ghost.source, target].sort().join('\u0000');
    const old = ghosts.get(pair);
    if (old && rank(old.severity) <= rank(f.severity)) continue;
    ghosts.set(pair, {
      id: `ghost:${f.id}`,
      findingId: f.id,
      source: ghost.source,
      target,
      severity: f.severity,
      message: f.message,
    });
  }
  return {
    findings,
    counts: countFindings(findings),
    hosts: statusesOf(findings, 'hosts'),
    links: statusesOf(findings, 'links'),
    ghosts: [...ghosts.values()],
    placeholders: [...placeholders].map(([id, p]) => ({ id, ...p })),
  };
}

/** The placeholder a finding's ghost ends at, if it ends at one. */
export function placeholderOf(problems: Problems, finding: Finding): string | undefined {
  return problems.ghosts.find((g) => g.findingId === finding.id && g.target.startsWith(PLACEHOLDER_PREFIX))
    ?.target;
}

interface Memos {
  derivation: (
    hosts: readonly Host[],
    links: readonly Link[],
    settings: Settings,
    catalogue: Catalogue,
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
  ) => Problems;
}

const memos = new WeakMap<AppStore, Memos>();

function memosOf(store: AppStore): Memos {
  let m = memos.get(store);
  if (!m) {
    // The last result per catalogue (edition) carries its deriver: passing it on lets an edit
    // re-derive only what it touched, and each edition's deriver stays warm across switches.
    const last = new Map<Catalogue, Derivation>();
    // Likewise one checker per catalogue and its last findings: an edit re-checks only what it touched.
    const checks = new Map<Catalogue, { checker: Checker; findings?: readonly Finding[] }>();
    const nextRows = createRowSources(); // each row source reuses the last one's compact columns
    m = {
      // Positions are not an argument: moving a host never re-derives (ARCHITECTURE example 6).
      derivation: memoLast((hosts, links, settings, catalogue) => {
        const result = deriveFlows({ hosts, links, settings }, catalogue, last.get(catalogue));
        last.set(catalogue, result);
        return result;
      }),
      rows: memoLast((derivation, hosts, zones, catalogue, language, results) =>
        nextRows(derivation.flows, { hosts, zones }, rowWords(catalogue, language), rowOptions(results)),
      ),
      // Neither are positions: dragging never re-runs the checks.
      problems: memoLast((hosts, links, zones, settings, derivation, catalogue, results) => {
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
        );
        return problemsOf(run.findings, hosts);
      }),
    };
    memos.set(store, m);
  }
  return m;
}

/** The derivation for the store's current hosts, links and settings; one shared, memoised result. */
export function selectDerivation(store: AppStore, state: AppState = store.getState()): Derivation {
  return memosOf(store).derivation(state.hosts, state.links, state.settings, state.catalogue);
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
  );
}

export function useDerivation(): Derivation {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectDerivation(store, s), [store]));
}

/** The row source in the app's language: re-renders when the document or the language changes. */
export function useRowSource(): RowSource {
  const store = useAppStoreApi();
  const language = languageOf(useTranslation().i18n);
  return useAppStore(useCallback((s: AppState) => selectRowSource(store, s, language), [store, language]));
}

export function useProblems(): Problems {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectProblems(store, s), [store]));
}

/** Findings per severity (the toolbar's count). */
export function useProblemCounts(): Readonly<Record<Severity, number>> {
  return useProblems().counts;
}

/** Error and warning statuses by host id, from the findings. */
export function useHostStatuses(): ReadonlyMap<string, ElementStatus> {
  return useProblems().hosts;
}
