// The few globals that every runtime of Đài Xã provides (Node 20, Chromium, Electron) but that
// the ES-only lib of src/shared does not declare. Kept minimal so shared stays pure.
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean })
  decode(input?: Uint8Array): string
}
