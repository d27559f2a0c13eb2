/**
 * German loads on first use: the app's i18next starts with English only and loads the German
 * messages and the catalogue's German words when it first switches to German. The test setup has
 * German from the start (as the CLI does), so these run on fresh modules without it.
 */

const fresh = async () => {
  vi.resetModules();
  const german = await import('@/i18n/german');
  const { appI18n, appCatalogues } = await import('@/i18n/app-i18n');
  const { catalogue } = await import('@/domain/default-catalogue');
  return { german, appI18n, appCatalogues, catalogue };
};

describe('German on first use', () => {
  it('starts in English without the German words', async () => {
    const { german, appI18n } = await fresh();
    expect(german.germanIfLoaded()).toBeUndefined();
    expect(appI18n.hasResourceBundle('de', 'common')).toBe(false);
    expect(appI18n.t('common:language.label')).toBe('Language');
    expect(() => german.germanFiles()).toThrow(/not loaded/);
  });

  it('loads them on the first switch, then speaks German, the catalogue too', async () => {
    const { german, appI18n, appCatalogues, catalogue } = await fresh();
    await appI18n.changeLanguage('de');
    expect(german.germanIfLoaded()).toBeDefined();
    expect(appI18n.language).toBe('de');
    expect(appI18n.t('common:language.label')).toBe('Sprache');
    expect(appCatalogues.of(catalogue, 'de').roleById.get('management-point')?.name).toBe('Verwaltungspunkt');
  });

  it('refuses to make a German instance without them rather than speak English', async () => {
    vi.resetModules();
    const { createI18n } = await import('@/i18n/create-i18n');
    expect(() => createI18n('de')).toThrow(/not loaded/);
  });
});
