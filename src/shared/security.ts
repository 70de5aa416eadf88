/**
 * The Content-Security-Policy of the renderer, the same in both hosts. 'wasm-unsafe-eval' lets
 * ffmpeg.wasm and eSpeak NG compile WebAssembly without allowing eval of scripts; blob: workers
 * are what ffmpeg.wasm starts; `ws:` on loopback is the browser host's bridge.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // https: only for media (not scripts, not connect): relay items play a station's stream URL in
  // an <audio> element (renderer/audio/playout/relay-source.ts). The stations are chosen by the
  // officer, so no fixed host list can work; plain http: streams stay refused.
  "media-src 'self' blob: daixa-media: https:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:* daixa-media:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')
