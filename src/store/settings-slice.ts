/** The settings slice: the document's site settings, each value checked before it is set (undoable). */
import type { PortRange } from '@/domain/catalogue-types';
import { settingsForEdition, withPort, withPorts, withRange } from '@/domain/settings';
import type { SettingsSlice, SliceCreator } from './store-types';

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  setPort(key, input) {
    const result = withPort(get().settings, key, input);
    if (!result.ok) return result.error;
    if (result.value.ports[key] !== get().settings.ports[key]) set({ settings: result.value });
    return undefined;
  },
  setWsusPorts(http, https) {
    const result = withPorts(get().settings, { wsusHttp: http, wsusHttps: https });
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return undefined;
  },
  setRange(key, input) {
    const result = withRange(get().settings, key, input);
    if (!result.ok) return result.error;
    const old: PortRange | undefined = get().settings.ranges[key];
    const value = result.value.ranges[key];
    if (old && value && old.from === value.from && old.to === value.to) return undefined;
    set({ settings: result.value });
    return undefined;
  },
  setFlag(key, value) {
    const { settings } = get();
    if (!Object.hasOwn(settings.flags, key) || settings.flags[key] === value) return;
    set({ settings: { ...settings, flags: { ...settings.flags, [key]: value } } });
  },
  setSupplementary(listId, on) {
    const { settings, catalogue } = get();
    if (!catalogue.supplementaryLists.some((l) => l.id === listId)) return;
    const has = settings.supplementary.includes(listId);
    if (has === on) return;
    // Kept in the catalogue's order, so the same lists always make the same document.
    const supplementary = on
      ? catalogue.supplementaryLists
          .map((l) => l.id)
          .filter((id) => id === listId || settings.supplementary.includes(id))
      : settings.supplementary.filter((id) => id !== listId);
    set({ settings: { ...settings, supplementary } });
  },
  switchEdition(edition) {
    const { settings, catalogueOf } = get();
    const moved = settingsForEdition(settings, catalogueOf(edition));
    // The store's middleware sets the edition's catalogue in this same update.
    if (moved !== settings) set({ settings: moved });
  },
});
