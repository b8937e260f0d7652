/**
 * Version 7 UUIDs (RFC 9562 §5.7) with no other dependency, so a web app can make ids without
 * shipping the schema library.
 */
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const webCrypto = (globalThis as unknown as { crypto: RandomSource }).crypto;

/**
 * Formats a version 7 UUID (RFC 9562 §5.7) from a Unix time in milliseconds and 10 random bytes.
 * Pure: the same inputs give the same id.
 */
export function formatUuidV7(unixMs: number, random: Uint8Array): string {
  if (!Number.isInteger(unixMs) || unixMs < 0 || unixMs > 0xffff_ffff_ffff) {
    throw new RangeError('formatUuidV7: time out of range');
  }
  if (random.length < 10) throw new RangeError('formatUuidV7: needs 10 random bytes');
  const bytes = new Uint8Array(16);
  let t = unixMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Makes a new id at the given instant (pass the injected clock's `now()`). */
export function newId(at: Date): string {
  return formatUuidV7(at.getTime(), webCrypto.getRandomValues(new Uint8Array(10)));
}
