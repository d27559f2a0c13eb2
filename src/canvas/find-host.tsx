import { Panel, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Host } from '@/domain/document';
import { useAppStoreApi } from '@/store/store-context';
import { isEditable } from '@/store/use-shortcuts';
import type { CanvasEdge, CanvasNode } from './canvas-types';

/**
 * Hosts whose name, FQDN or IP address contain `query` (case ignored), exact matches first.
 *
 * @example
 * findHosts(hosts, '10.1.0.20').map((h) => h.name); // ['P01-MP01']
 */
export function findHosts(hosts: readonly Host[], query: string): Host[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const fields = (h: Host) => [h.name, h.fqdn ?? '', h.ip ?? ''].map((f) => f.toLowerCase());
  const exact = hosts.filter((h) => fields(h).includes(q));
  const partial = hosts.filter((h) => !exact.includes(h) && fields(h).some((f) => f.includes(q)));
  return [...exact, ...partial];
}

/**
 * Ctrl+F on the canvas: a field that finds a host by name, FQDN or IP, selects it and centres the
 * view on it at the same zoom; Enter again goes to the next match, Escape closes.
 */
export function FindHost({ onFound }: { onFound: () => void }) {
  const store = useAppStoreApi();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const { t } = useTranslation('canvas');
  // What the search found, said in the language at render time: none, or which of how many.
  const [found, setFound] = useState<'none' | { index: number; count: number } | null>(null);
  const next = useRef(0);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f') return;
      if (isEditable(event.target) && event.target !== field.current) return;
      event.preventDefault();
      setOpen(true);
      requestAnimationFrame(() => field.current?.select());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const find = useCallback(() => {
    const state = store.getState();
    const found = findHosts(state.hosts, query);
    const host = found[next.current % Math.max(1, found.length)];
    if (!host) {
      setFound('none');
      return;
    }
    next.current += 1;
    setFound(
      found.length > 1 ? { index: ((next.current - 1) % found.length) + 1, count: found.length } : null,
    );
    state.select([host.id], []);
    const p = state.layout[host.id] ?? { x: 0, y: 0 };
    const size = state.measured[host.id] ?? { width: 0, height: 0 };
    void flow
      .setCenter(p.x + size.width / 2, p.y + size.height / 2, { zoom: flow.getZoom(), duration: 250 })
      .then(onFound);
  }, [flow, store, query, onFound]);

  if (!open) return null;
  const message = found === 'none' ? t('find.none') : found ? t('find.position', found) : '';
  return (
    <Panel position="top-left" className="find-host">
      <input
        ref={field}
        type="search"
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          next.current = 0;
          setFound(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') find();
          else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {message && (
        <span className="find-host__message" role="status">
          {message}
        </span>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('find.close')}
        onClick={() => setOpen(false)}
      >
        ×
      </button>
    </Panel>
  );
}
