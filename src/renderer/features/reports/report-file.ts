/**
 * Getting a report file to the officer: the input is read from Dexie and gzip-compressed
 * (CompressionStream, RFC 1952) for the bridge, main renders the file, and the bytes are saved
 * through a temporary object URL and a download link, under the Vietnamese file name main chose.
 */
import type { ReportFile } from '../../../shared/ipc/reports'

export async function gzipJson(value: unknown): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Hands the file to the browser's (or Electron's) download handling. */
export function saveFile(file: ReportFile): void {
  const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken the bytes once click() returns in Chromium; the URL is released a
  // little later only so that a slow save dialog still finds it. A one-shot timer, nothing to stop.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
