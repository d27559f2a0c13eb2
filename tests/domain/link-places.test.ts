/**
 * Link places (issue 18): the engine and the checks read each link's ends from the places the
 * reading worker found, and get exactly what looking each end up by id gives; places made for
 * other lists are not read.
 */
import { createChecker } from '@/domain/checks/checker';
import { runChecks } from '@/domain/checks/run-checks';
import { catalogue } from '@/domain/default-catalogue';
import { deriveFlows } from '@/domain/derive';
import type { Link, TopologyDocument } from '@/domain/document';
import { hostOrders } from '@/domain/host-orders';
import { endsFor, type LinkPlaces, linkPlacesOf, ordersFor } from '@/domain/link-places';
import { syntheticHierarchy } from '../../bench/synthetic';

/** The places of a document's link ends, looked up by id (every end names a host). */
function placesOf(doc: TopologyDocument, links = doc.links): LinkPlaces {
  const place = new Map(doc.hosts.map((h, i) => [h.id, i]));
  const ends = new Int32Array(links.length * 2);
  links.forEach((l, i) => {
    ends[2 * i] = place.get(l.source)!;
    ends[2 * i + 1] = place.get(l.target)!;
  });
  return { hosts: doc.hosts, links, ends };
}

/** The hosts' orders of a document, worked out as the reading worker does. */
const ordersOf = (doc: TopologyDocument) =>
  hostOrders(
    doc.hosts.map((h) => h.id),
    doc.hosts.map((h) => h.name),
  );

/** A synthetic estate with a self-link and a second link between two hosts already linked. */
function estate(): TopologyDocument {
  const doc = syntheticHierarchy(600, catalogue, { zones: true });
  const [a, b] = doc.links;
  const extra: Link[] = [
    { id: 'self', source: a!.source, target: a!.source },
    { id: 'again', source: b!.target, target: b!.source },
  ];
  return { ...doc, links: [...doc.links.slice(0, 40), ...extra, ...doc.links.slice(40)] };
}

describe('link places', () => {
  it('are read only for the very lists they were made for', () => {
    const doc = estate();
    const places = placesOf(doc);
    expect(endsFor(places, doc.hosts, doc.links)).toBe(places.ends);
    expect(endsFor(places, [...doc.hosts], doc.links)).toBeUndefined();
    expect(endsFor(places, doc.hosts, doc.links.slice(1))).toBeUndefined();
    expect(endsFor(null, doc.hosts, doc.links)).toBeUndefined();
    // Made from restore's ends only when there is one pair per link.
    expect(linkPlacesOf(doc, places.ends)).toEqual(places);
    expect(linkPlacesOf(doc, places.ends.subarray(2))).toBeUndefined();
    expect(linkPlacesOf(doc, undefined)).toBeUndefined();
  });

  it('carry the hosts’ orders for those very hosts, each only when it is an order of them', () => {
    const doc = estate();
    const orders = ordersOf(doc);
    const places = linkPlacesOf(doc, placesOf(doc).ends, orders)!;
    expect(ordersFor(places, doc.hosts)).toBe(orders);
    expect(ordersFor(places, [...doc.hosts])).toBeUndefined();
    expect(ordersFor(null, doc.hosts)).toBeUndefined();
    const short = { ...orders, names: orders.names.subarray(1) };
    expect(linkPlacesOf(doc, places.ends, short)?.orders).toBeUndefined();
    const twice = { ...orders, matrix: orders.matrix.map((p, i) => (i === 1 ? orders.matrix[0]! : p)) };
    expect(linkPlacesOf(doc, places.ends, twice)?.orders).toBeUndefined();
  });

  it('with the hosts’ orders, give the engine and the checks what sorting the hosts gives', () => {
    const doc = estate();
    const plain = deriveFlows(doc, catalogue);
    const places = { ...placesOf(doc), orders: ordersOf(doc) };
    const placed = deriveFlows({ ...doc, places }, catalogue);
    expect(placed.flows).toEqual(plain.flows);
    expect(createChecker(catalogue).check(doc, placed, undefined, places)).toEqual(
      runChecks(doc, catalogue, plain),
    );
    // Read: orders turned around give the matrix and the findings in other orders.
    const turned = {
      matrix: places.orders.matrix.slice().reverse(),
      names: places.orders.names.slice().reverse(),
    };
    const wrong = { ...places, orders: turned };
    expect(deriveFlows({ ...doc, places: wrong }, catalogue).flows).not.toEqual(plain.flows);
    expect(createChecker(catalogue).check(doc, plain, undefined, wrong)).not.toEqual(
      runChecks(doc, catalogue, plain),
    );
  });

  it('give the engine the derivation looking up ids gives, and an edit after it patches alike', () => {
    const doc = estate();
    const plain = deriveFlows(doc, catalogue);
    const placed = deriveFlows({ ...doc, places: placesOf(doc) }, catalogue);
    expect(placed.flows).toEqual(plain.flows);
    expect(placed.emptyLinks).toEqual(plain.emptyLinks);
    // Places are read: ends swapped around give other flows.
    const wrong = placesOf(doc);
    wrong.ends.reverse();
    expect(deriveFlows({ ...doc, places: wrong }, catalogue).flows).not.toEqual(plain.flows);
    const edited = { ...doc, links: doc.links.filter((_, i) => i % 7 !== 3) };
    const patched = deriveFlows({ ...edited, places: placesOf(doc) }, catalogue, placed);
    expect(patched.flows).toEqual(deriveFlows(edited, catalogue).flows);
  });

  it('give the checks the findings looking up ids gives, before and after an edit', () => {
    const doc = estate();
    const derivation = deriveFlows(doc, catalogue);
    const checker = createChecker(catalogue);
    const places = placesOf(doc);
    const first = checker.check(doc, derivation, undefined, places);
    expect(first).toEqual(runChecks(doc, catalogue, derivation));
    const dp = doc.hosts.findIndex((h) => h.roles.includes('distribution-point'));
    const edited = {
      ...doc,
      hosts: doc.hosts.map((h, i) => (i === dp ? { ...h, roles: ['client'] } : h)),
      links: [...doc.links, { id: 'new', source: doc.hosts[dp]!.id, target: doc.hosts[0]!.id }],
    };
    const next = deriveFlows(edited, catalogue, derivation);
    expect(checker.check(edited, next, first, places)).toEqual(runChecks(edited, catalogue, next));
    // Read: the index files links by the places given (ends swapped around name other hosts).
    const wrong = placesOf(doc);
    wrong.ends.reverse();
    expect(createChecker(catalogue).check(doc, derivation, undefined, wrong)).not.toEqual(first);
  });
});
