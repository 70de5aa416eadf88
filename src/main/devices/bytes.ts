/** Byte helpers shared by the codecs (no Buffer, so codecs stay plain bytes in / bytes out). */

/** Bytes → string, one char per byte (ISO-8859-1), for line protocols. */
export function latin1(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return text
}

/** String → bytes, one byte per char; chars above U+00FF become '?'. */
export function fromLatin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    bytes[i] = code > 0xff ? 0x3f : code
  }
  return bytes
}

/** `A0 01 01 A2` style, for logs and test names. */
export function toHex(bytes: Iterable<number>): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
}

/** Parse `A0 01 01 A2` (spaces optional) into bytes. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '')
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) throw new Error(`bad hex: ${hex}`)
  return Uint8Array.from({ length: clean.length / 2 }, (_, i) => parseInt(clean.slice(i * 2, i * 2 + 2), 16))
}

export { concatBytes } from '../../shared/bytes'
