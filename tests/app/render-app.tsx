import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app';
import type { TopologyDocument } from '@/domain/document';
import { createAppStore, type StoreOptions } from '@/store/app-store';

/** Renders the whole designer on a fresh store, in a sized box (React Flow needs width and height). */
export function renderApp(document: TopologyDocument, options?: StoreOptions) {
  const store = createAppStore(document, options);
  const user = userEvent.setup();
  const view = render(
    <div style={{ width: 1366, height: 768 }}>
      <App store={store} />
    </div>,
  );
  return { store, user, ...view };
}
