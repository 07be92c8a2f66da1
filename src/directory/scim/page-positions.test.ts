import { describe, expect, it } from 'vitest';
import { PagePositions } from './page-positions.js';

const key = (id: string) => ({ value: id, id });

describe('PagePositions', () => {
  it('gives the next page of the same query the last row of the page before, once', () => {
    const positions = new PagePositions();
    positions.remember('q', 101, key('u100'), 0);
    expect(positions.recall('other', 101, 1)).toBeUndefined();
    expect(positions.recall('q', 201, 1)).toBeUndefined();
    expect(positions.recall('q', 101, 1)).toEqual(key('u100'));
    // A re-read of the same page is an offset page again.
    expect(positions.recall('q', 101, 2)).toBeUndefined();
  });

  it('forgets a position after its lifetime', () => {
    const positions = new PagePositions(10, 1000);
    positions.remember('q', 11, key('a'), 0);
    expect(positions.recall('q', 11, 1000)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the least recently remembered', () => {
    const positions = new PagePositions(2);
    positions.remember('a', 2, key('a'), 0);
    positions.remember('b', 2, key('b'), 0);
    positions.remember('c', 2, key('c'), 0);
    expect(positions.recall('a', 2, 1)).toBeUndefined();
    expect(positions.recall('b', 2, 1)).toEqual(key('b'));
    expect(positions.recall('c', 2, 1)).toEqual(key('c'));
  });
});
