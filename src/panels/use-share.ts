import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { message } from '@/domain/message';
import { readShareHash, type ShareTarget } from '@/domain/shared-doc/share-link';
import type { AppStore } from '@/store/app-store';
import type { ShareController } from '@/store/share-controller';
import { shareOnDemand } from '@/store/share-on-demand';
import { useAppStoreApi } from '@/store/store-context';

/** Where the name the others see is remembered (the Share dialog's "Your name"). */
export const USER_NAME_KEY = 'cm-port-planner/user-name';

/** The browser's storage, or `undefined` where the browser refuses it (private modes, policies). */
export function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The remembered name, or '' when there is none (or storage refuses). */
export function rememberedName(storage: Storage | undefined): string {
  try {
    return storage?.getItem(USER_NAME_KEY)?.trim() ?? '';
  } catch {
    return '';
  }
}

/** Remembers the name for the next visit; an empty one forgets it. Storage refusing is harmless. */
export function rememberName(storage: Storage | undefined, name: string): void {
  try {
    const trimmed = name.trim();
    if (trimmed) storage?.setItem(USER_NAME_KEY, trimmed);
    else storage?.removeItem(USER_NAME_KEY);
  } catch {
    // The name is then asked for again next time.
  }
}

/** Four digits that tell guests apart in one meeting ("Guest 4711"). */
export function guestId(): string {
  return String(1000 + Math.floor(Math.random() * 9000));
}

/**
 * Runs a share or join and says why it failed. Web Crypto (the room keys) exists only on secure
 * pages, so an app opened over plain http from another machine cannot share: that gets its own words.
 */
export async function sharing(store: AppStore, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const insecure = typeof window !== 'undefined' && window.isSecureContext === false;
    store.getState().notify({
      tone: 'error',
      title: message(insecure ? 'store:share.insecure' : 'store:share.failed'),
      ...(insecure ? {} : { details: [error instanceof Error ? error.message : String(error)] }),
      sticky: true,
    });
  }
}

/** What `location.hash` asks for, with a notice when it names a room badly. */
function targetOf(store: AppStore, hash: string): ShareTarget | undefined {
  const target = readShareHash(hash);
  if (target !== 'bad') return target;
  store.getState().notify({ tone: 'error', title: message('store:share.badLink'), sticky: true });
  return undefined;
}

/**
 * The app's share controller, made once for the store with the browser's room, address bar and
 * the remembered name. A page opened by a share link (`#edit=…`, `#view=…`) joins that room; a
 * link pasted into the address bar of an open tab (only the fragment changes) does too.
 *
 * @returns the controller the Share dialog calls
 */
export function useShare(): ShareController {
  const store = useAppStoreApi();
  const { i18n } = useTranslation('toolbar');
  const guest = useRef(guestId());
  const [controller] = useState(() =>
    shareOnDemand(store, {
      net: window,
      page: window.location.href.split('#')[0] ?? window.location.href,
      setHash(hash) {
        const { pathname, search } = window.location;
        window.history.replaceState(window.history.state, '', hash === '' ? `${pathname}${search}` : hash);
      },
      userName: () =>
        rememberedName(browserStorage()) || i18n.t('toolbar:share.guest', { id: guest.current }),
      catalogueOf: (document) => store.getState().catalogueOf(document.settings.edition),
    }),
  );

  // Once per page, not per effect run: StrictMode runs effects twice, and a second join would
  // leave the room the first one entered.
  const started = useRef(false);
  useEffect(() => {
    if (!started.current) {
      started.current = true;
      const target = targetOf(store, window.location.hash);
      if (target) void sharing(store, () => controller.join(target));
    }
    const onHashChange = () => {
      const target = targetOf(store, window.location.hash);
      if (target) void sharing(store, () => controller.join(target));
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [store, controller]);

  return controller;
}
