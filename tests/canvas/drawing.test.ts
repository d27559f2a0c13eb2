import { hostAt } from '@/canvas/drop-target';
import { findHosts } from '@/canvas/find-host';
import { hostMarks } from '@/canvas/host-marks';
import { catalogue } from '@/domain/default-catalogue';
import { makeHost } from '../builders';

describe('drawing helpers', () => {
  it('finds the host whose box holds a point, and none just outside it', () => {
    const hosts = [makeHost('a'), makeHost('b')];
    const layout = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } };
    const measured = { a: { width: 172, height: 70 }, b: { width: 172, height: 70 } };
    expect(hostAt({ x: 50, y: 30 }, hosts, layout, measured)).toBe('a');
    // Where the boxes overlap, the one drawn last (on top) wins.
    expect(hostAt({ x: 150, y: 30 }, hosts, layout, measured)).toBe('b');
    expect(hostAt({ x: 283, y: 30 }, hosts, layout, measured)).toBeNull();
    expect(hostAt({ x: 50, y: 80 }, hosts, layout, measured)).toBeNull();
  });

  it('marks PXE, multicast and the site type from the catalogue, not note 5', () => {
    const dp = makeHost('dp', ['distribution-point'], {
      options: { pxe: true, multicast: true, siteServerInitiates: true },
    });
    expect(hostMarks(dp, catalogue).map((m) => m.text)).toEqual(['PXE', 'Multicast']);
    expect(hostMarks(dp, catalogue)[0]?.title).toBe('PXE enabled');
    const cas = makeHost('s', ['site-server'], { options: { siteType: 'cas' } });
    expect(hostMarks(cas, catalogue)).toEqual([
      { id: 'siteType', text: 'CAS', title: 'Site type: Central administration site' },
    ]);
    // An option of a role the host does not hold shows nothing.
    expect(hostMarks(makeHost('mp', ['management-point'], { options: { pxe: true } }), catalogue)).toEqual(
      [],
    );
  });

  it('finds hosts by name, FQDN or IP, exact matches first', () => {
    const hosts = [
      makeHost('a', [], { name: 'MP10', ip: '10.1.0.20' }),
      makeHost('b', [], { name: 'MP01', ip: '10.1.0.2', fqdn: 'mp01.corp' }),
    ];
    expect(findHosts(hosts, '10.1.0.2').map((h) => h.id)).toEqual(['b', 'a']);
    expect(findHosts(hosts, 'MP01.CORP').map((h) => h.id)).toEqual(['b']);
    expect(findHosts(hosts, ' ')).toEqual([]);
  });
});
