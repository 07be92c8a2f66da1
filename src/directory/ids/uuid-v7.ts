import { randomFillSync } from 'node:crypto';
import type { IdSource } from '../ports/clock.js';

/**
 * RFC 9562 UUIDv7: a 48-bit millisecond timestamp, then random bits. Ids made later sort later, so
 * the default list order (created, then id) is creation order and inserts append to the primary-key
 * index. Within one millisecond a counter in the random field keeps them increasing.
 */
export function uuidV7Source(now: () => number = Date.now): IdSource {
  let lastMs = -1;
  let counter = 0;
  // Random bytes are drawn from the CSPRNG in batches, not one call per id (a create makes two ids).
  const pool = Buffer.alloc(16 * 256);
  let used = pool.length;
  const randomBlock = (): Buffer => {
    if (used === pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    const block = Buffer.from(pool.subarray(used, used + 16));
    used += 16;
    return block;
  };
  return {
    newId() {
      const ms = Math.max(now(), lastMs);
      if (ms === lastMs) {
        counter++;
      } else {
        lastMs = ms;
        counter = randomBlock().readUInt16BE(0) & 0x7ff;
      }
      if (counter > 0xfff) {
        lastMs++;
        counter = 0;
      }
      const bytes = randomBlock();
      const time = lastMs;
      bytes.writeUIntBE(time, 0, 6);
      // version 7 and the 12-bit counter in rand_a; variant 10 in rand_b.
      bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
      bytes[7] = counter & 0xff;
      bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
