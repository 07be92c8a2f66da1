import { describe, expect, it } from 'vitest';
import { uuidV7Source } from './uuid-v7.js';

describe('uuidV7Source', () => {
  it('makes RFC 9562 version-7 UUIDs', () => {
    const id = uuidV7Source().newId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps ids increasing within one millisecond and when the clock steps back', () => {
    let time = 1_700_000_000_000;
    const source = uuidV7Source(() => time);
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i === 5000) time -= 10;
      ids.push(source.newId());
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
