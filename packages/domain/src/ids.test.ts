import { describe, expect, it } from 'vitest';
import { IdSchema, formatUuidV7, newId } from './ids';

describe('formatUuidV7', () => {
  it('lays out time, version and variant as RFC 9562 §5.7 says', () => {
    // The test vector of RFC 9562 Appendix A.6: unix_ts_ms 0x017F22E279B0, rand_a 0xCC3,
    // rand_b 0x18C4DC0C0C07398F.
    const random = new Uint8Array([0x0c, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]);
    expect(formatUuidV7(0x017f22e279b0, random)).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
    expect(formatUuidV7(0, new Uint8Array(10))).toBe('00000000-0000-7000-8000-000000000000');
  });

  it.each([-1, 0x1_0000_0000_0000, 1.5, Number.NaN])('refuses time %s', (ms) => {
    expect(() => formatUuidV7(ms, new Uint8Array(10))).toThrow(RangeError);
  });

  it('needs ten random bytes', () => {
    expect(() => formatUuidV7(0, new Uint8Array(9))).toThrow(RangeError);
  });
});

describe('newId', () => {
  it('makes valid, unique ids that sort by time', () => {
    const earlier = newId(new Date('2026-03-02T09:00:00Z'));
    const later = newId(new Date('2026-03-02T09:00:00.001Z'));
    expect(IdSchema.safeParse(earlier).success).toBe(true);
    expect(earlier < later).toBe(true);
    const many = new Set(Array.from({ length: 1000 }, () => newId(new Date(0))));
    expect(many.size).toBe(1000);
  });
});

describe('IdSchema', () => {
  it.each(['', 'abc', '0190f5a0-0000-7000-8000-00000000000', '0190f5a0-0000-7000-8000-0000000000012'])('rejects %j', (value) => {
    expect(IdSchema.safeParse(value).success).toBe(false);
  });
});
