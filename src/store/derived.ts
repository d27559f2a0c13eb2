import { useCallback } from 'react';
import type { Catalogue } from '@/domain/catalogue-types';
import { type Derivation, deriveFlows } from '@/domain/derive';
import type { Host, Link, Settings, Zone } from '@/domain/document';
import { type FlowRow, flowsToRows } from '@/domain/rows';
import type { AppState, AppStore } from './app-store';
import { nameKey } from './document-ops';
import { useAppStore, useAppStoreApi } from './store-context';

/** Remembers the last result and recomputes only when an argument changes identity. */
function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i]))
      return last.result;
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

export type HostStatusLevel = 'warning' | 'error';

/** What is wrong with a host, for the node's warning/error state and the inspector. */
export interface HostStatus {
  readonly level: HostStatusLevel;
  readonly messages: readonly string[];
}

/**
 * Host problems the canvas shows: unknown roles and hosts without roles (warnings: they yield no
 * flows), names that differ only by case or spaces (warning, BAD-INPUTS 18), and one address on
 * two hosts (error: the firewall rules would be ambiguous).
 */
export function hostStatuses(hosts: readonly Host[], catalogue: Catalogue): ReadonlyMap<string, HostStatus> {
  const byName = new Map<string, Host[]>();
  const byIp = new Map<string, Host[]>();
  for (const h of hosts) {
    byName.set(nameKey(h.name), [...(byName.get(nameKey(h.name)) ?? []), h]);
    if (h.ip) byIp.set(h.ip.toLowerCase(), [...(byIp.get(h.ip.toLowerCase()) ?? []), h]);
  }
  const out = new Map<string, HostStatus>();
  for (const h of hosts) {
    const warnings: string[] = [];
    const errors: string[] = [];
    const unknown = h.roles.filter((r) => !catalogue.roleById.has(r));
    if (unknown.length > 0)
      warnings.push(`Unknown role ${unknown.map((r) => `"${r}"`).join(', ')}: kept, yields no flows`);
    if (h.roles.length === 0) warnings.push('No roles: this host yields no flows');
    const sameName = (byName.get(nameKey(h.name)) ?? []).filter((o) => o !== h);
    if (sameName.length > 0)
      warnings.push(
        `Name also used by ${sameName.map((o) => `"${o.name}"`).join(', ')} (case or spaces differ)`,
      );
    const sameIp = h.ip ? (byIp.get(h.ip.toLowerCase()) ?? []).filter((o) => o !== h) : [];
    if (sameIp.length > 0)
      errors.push(`Address ${h.ip} is also given to ${sameIp.map((o) => o.name).join(', ')}`);
    if (errors.length > 0) out.set(h.id, { level: 'error', messages: [...errors, ...warnings] });
    else if (warnings.length > 0) out.set(h.id, { level: 'warning', messages: warnings });
  }
  return out;
}

interface Memos {
  derivation: (hosts: readonly Host[], links: readonly Link[], settings: Settings) => Derivation;
  rows: (derivation: Derivation, hosts: readonly Host[], zones: readonly Zone[]) => readonly FlowRow[];
  statuses: (hosts: readonly Host[]) => ReadonlyMap<string, HostStatus>;
}

const memos = new WeakMap<AppStore, Memos>();

function memosOf(store: AppStore): Memos {
  let m = memos.get(store);
  if (!m) {
    const catalogue = store.getState().catalogue;
    m = {
      // Positions are not an argument: moving a host never re-derives (ARCHITECTURE example 6).
      derivation: memoLast((hosts, links, settings) => deriveFlows({ hosts, links, settings }, catalogue)),
      rows: memoLast((derivation, hosts, zones) =>
        flowsToRows(derivation.flows, { hosts, zones }, catalogue),
      ),
      statuses: memoLast((hosts) => hostStatuses(hosts, catalogue)),
    };
    memos.set(store, m);
  }
  return m;
}

/** The derivation for the store's current hosts, links and settings; one shared, memoised result. */
export function selectDerivation(store: AppStore, state: AppState = store.getState()): Derivation {
  return memosOf(store).derivation(state.hosts, state.links, state.settings);
}

/** The flow matrix rows: what the panel shows and every export writes. */
export function selectRows(store: AppStore, state: AppState = store.getState()): readonly FlowRow[] {
  return memosOf(store).rows(selectDerivation(store, state), state.hosts, state.zones);
}

export function useDerivation(): Derivation {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectDerivation(store, s), [store]));
}

export function useFlowRows(): readonly FlowRow[] {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => selectRows(store, s), [store]));
}

export function useHostStatuses(): ReadonlyMap<string, HostStatus> {
  const store = useAppStoreApi();
  return useAppStore(useCallback((s: AppState) => memosOf(store).statuses(s.hosts), [store]));
}

/**
 * The store's catalogue. It never changes during a store's life, so this reads it without a
 * subscription: a thousand host nodes would otherwise each run a selector on every store change.
 */
export function useCatalogue(): Catalogue {
  return useAppStoreApi().getState().catalogue;
}
