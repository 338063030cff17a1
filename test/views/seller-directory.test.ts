import { describe, expect, it } from 'vitest';
import { directoryPage, directoryPageCount } from '../../src/views/seller-directory.ts';
import type { SellerEntry } from '../../src/report/site-model.ts';

const seller = (name: string, teamName: string) => ({ person: { id: name, slug: name, name }, teamName }) as unknown as SellerEntry;

describe('the sellers directory, a hundred to a page', () => {
  it('takes one page however few, and a page per started hundred', () => {
    expect([0, 1, 100, 101, 250, 640].map(directoryPageCount)).toEqual([1, 1, 1, 2, 3, 7]);
  });

  it("pages through everyone once, by team and then by name in the reader's alphabet", () => {
    // 250 people: pages of 100, 100 and 50.
    const everyone = Array.from({ length: 250 }, (_, i) => seller(`p${String(i).padStart(3, '0')}`, i % 2 === 0 ? 'Malmö' : 'Göteborg'));
    const pages = [1, 2, 3].map((page) => directoryPage(everyone, 'sv', page)!);
    expect(pages.map((p) => [p.first, p.last, p.sellers.length, p.pages, p.total])).toEqual([
      [1, 100, 100, 3, 250],
      [101, 200, 100, 3, 250],
      [201, 250, 50, 3, 250],
    ]);
    expect(new Set(pages.flatMap((p) => p.sellers.map((s) => s.person.id))).size).toBe(250);
    // Göteborg's 125 first (odd numbers), then Malmö's.
    expect(pages[0]!.sellers[0]!.person.id).toBe('p001');
    expect(pages[1]!.sellers[24]!.person.id).toBe('p249');
    expect(pages[1]!.sellers[25]!.person.id).toBe('p000');
    expect(directoryPage(everyone, 'sv', 4)).toBeUndefined();
    expect(directoryPage(everyone, 'sv', 0)).toBeUndefined();
  });

  it('sorts Å, Ä and Ö after Z in Swedish and Danish order, not in English', () => {
    const people = [seller('Örjan', 'A'), seller('Zara', 'A'), seller('Anna', 'A')];
    expect(directoryPage(people, 'sv', 1)!.sellers.map((s) => s.person.name)).toEqual(['Anna', 'Zara', 'Örjan']);
    expect(directoryPage(people, 'en', 1)!.sellers.map((s) => s.person.name)).toEqual(['Anna', 'Örjan', 'Zara']);
  });
});
