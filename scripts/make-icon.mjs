// Draws the app icon, build/icon.png (512×512 RGBA), with Node alone: a red rounded square with a
// yellow loudspeaker horn and three sound waves. Run: node scripts/make-icon.mjs
// The PNG is written by hand (IHDR + one zlib IDAT + IEND); each pixel is 4×4 supersampled.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SAMPLES = 4
const RED = [200, 16, 46]
const DARK_RED = [150, 10, 30]
const YELLOW = [255, 205, 0]

const inRoundedSquare = (x, y) => {
  const r = 96
  const m = 16
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r)
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m
}

// The horn: a small box (the driver) and a flare that widens to the right.
const inHorn = (x, y) => {
  const cy = 256
  if (x >= 120 && x <= 190 && Math.abs(y - cy) <= 48) return true
  if (x < 190 || x > 300) return false
  const half = 48 + ((x - 190) / 110) * 92
  return Math.abs(y - cy) <= half
}

// Three arcs centred on the horn's mouth, ±40° around the horizontal.
const inWave = (x, y) => {
  const dx = x - 300
  const dy = y - 256
  if (dx <= 0 || Math.abs(Math.atan2(dy, dx)) > (40 * Math.PI) / 180) return false
  const d = Math.hypot(dx, dy)
  return [52, 96, 140].some((r) => Math.abs(d - r) <= 11)
}

function colourAt(x, y) {
  if (!inRoundedSquare(x, y)) return null
  if (inHorn(x, y) || inWave(x, y)) return YELLOW
  const t = y / SIZE
  return RED.map((c, i) => Math.round(c * (1 - t) + (DARK_RED[i] ?? c) * t))
}

function render() {
  const stride = SIZE * 4 + 1
  const raw = Buffer.alloc(stride * SIZE)
  for (let y = 0; y < SIZE; y++) {
    raw[y * stride] = 0 // filter: none
    for (let x = 0; x < SIZE; x++) {
      const sum = [0, 0, 0, 0]
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)
          if (!c) continue
          sum[0] += c[0]
          sum[1] += c[1]
          sum[2] += c[2]
          sum[3] += 255
        }
      }
      const n = SAMPLES * SAMPLES
      const covered = sum[3] / 255
      const at = y * stride + 1 + x * 4
      raw[at] = covered ? Math.round(sum[0] / covered) : 0
      raw[at + 1] = covered ? Math.round(sum[1] / covered) : 0
      raw[at + 2] = covered ? Math.round(sum[2] / covered) : 0
      raw[at + 3] = Math.round(sum[3] / n)
    }
  }
  return raw
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png() {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, png())
console.log(`make-icon: wrote ${out}`)
