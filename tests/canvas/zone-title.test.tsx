/** @vitest-environment jsdom */
import { act, within } from '@testing-library/react';
import { zoneKindName } from '@/domain/zones/zone-kinds';
import { appI18n } from '@/i18n/app-i18n';
import { makeDocument, makeHost } from '../builders';
import { renderCanvas } from './render-canvas';

function zoneNamed(name: string) {
  return renderCanvas(
    makeDocument([makeHost('mp', ['management-point'], { name: 'MP01', zone: 'dc' })], [], {
      zones: [{ id: 'dc', name, kind: 'datacenter', box: { x: -40, y: -60, width: 500, height: 300 } }],
      layout: { mp: { x: 0, y: 0 } },
    }),
  );
}

describe("a zone's title", () => {
  afterEach(async () => {
    await act(async () => {
      await appI18n.changeLanguage('en');
    });
  });

  it('names the kind beside a name of its own', () => {
    const zone = zoneNamed('Berlin DC').node('zone/dc') as HTMLElement;
    expect(within(zone).getByText('Berlin DC')).toBeInTheDocument();
    expect(zone.querySelector('.zone-node__kind')?.textContent).toBe(zoneKindName('datacenter', 'en'));
  });

  it('says the kind once when the zone is named as its kind, in the reader’s language', async () => {
    await act(async () => {
      await appI18n.changeLanguage('de');
    });
    const german = zoneKindName('datacenter', 'de');
    const zone = zoneNamed(german.toUpperCase()).node('zone/dc') as HTMLElement;
    expect(zone.querySelector('.zone-node__title')?.textContent).not.toMatch(
      new RegExp(`${german}.*${german}`, 'i'),
    );
    expect(zone.querySelector('.zone-node__kind')).toBeNull();
    expect(within(zone).getByText(german.toUpperCase())).toBeInTheDocument();
  });
});
