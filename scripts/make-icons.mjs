#!/usr/bin/env node
// Draws the client app's home-screen icons (PNG, as installability needs) from the favicon's
// design: two linked rings on the brand colour. Run once after changing the design; the PNGs are
// committed. No dependencies: shapes are sampled 4×4 per pixel and written with zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const out = path.resolve(import.meta.dirname, '../packages/web/public/icons');
const brand = [0x1d, 0x5c, 0x63];
const white = [0xff, 0xff, 0xff];
const pale = [0xcf, 0xe6, 0xe3];

/** Colour at (x, y) in a 32-unit design: background, then the two rings (as in favicon.svg). */
function colourAt(x, y, inset) {
  // Maskable icons keep the design inside the central 80% safe zone.
  const s = 32 / (32 - 2 * inset);
  const u = (x - 16) * s + 16;
  const v = (y - 16) * s + 16;
  const ring = (cx, r, w) => Math.abs(Math.hypot(u - cx, v - 16) - r) <= w / 2;
  if (ring(20, 8, 2.6)) return pale;
  if (ring(12, 8, 2.6)) return white;
  return brand;
}

function draw(size, inset) {
  const samples = 4;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let py = 0; py < size; py++) {
    raw[py * (size * 3 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(((px + (sx + 0.5) / samples) / size) * 32, ((py + (sy + 0.5) / samples) / size) * 32, inset);
          for (let i = 0; i < 3; i++) sum[i] += c[i];
        }
      }
      for (let i = 0; i < 3; i++) raw[py * (size * 3 + 1) + 1 + px * 3 + i] = Math.round(sum[i] / (samples * samples));
    }
  }
  return png(size, raw);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(out, { recursive: true });
for (const [name, size, inset] of [
  ['icon-192.png', 192, 2],
  ['icon-512.png', 512, 2],
  ['icon-maskable-512.png', 512, 5],
  ['apple-touch-icon.png', 180, 3],
]) {
  fs.writeFileSync(path.join(out, name), draw(size, inset));
  console.warn(`wrote ${name}`);
}
