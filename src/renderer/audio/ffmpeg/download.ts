/** Saving an export: a download of the bytes (both hosts). */

/** Offers the bytes as a download (Electron's session turns it into a save dialog). */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const type = fileName.endsWith('.mp3') ? 'audio/mpeg' : 'audio/wav'
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
