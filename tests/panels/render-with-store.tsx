import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import type { AppStore } from '@/store/app-store';
import { AppStoreProvider } from '@/store/store-context';

/** Renders panels on a given store (a fresh one per test). */
export function renderWithStore(store: AppStore, ui: ReactNode) {
  const user = userEvent.setup();
  return { user, ...render(<AppStoreProvider store={store}>{ui}</AppStoreProvider>) };
}
