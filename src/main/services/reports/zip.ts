/**
 * Office files are zip archives, and both libraries stamp every entry with the time of writing
 * (exceljs through JSZip, docx through fflate), so two renders of the same report differ in the
 * zip headers. `pinZip` rewrites an archive with every entry dated `at`, keeping entry order,
 * names and contents, and recompressing with DEFLATE at a fixed level: the same input gives the
 * same bytes. `[Content_Types].xml` is moved first, as Office writes it.
 *
 * Zip (DOS) times have no zone and a 2-second step; JSZip writes the UTC fields of the Date it is
 * given, so the time is shifted by +07:00 to show Vietnam's wall-clock time in unzip tools.
 */
import JSZip from 'jszip'

const VN_OFFSET_MS = 7 * 3_600_000
const TYPES = '[Content_Types].xml'

/** The zip timestamp for an instant: Vietnam wall-clock time, as JSZip encodes UTC fields. */
export const zipDate = (instant: string): Date => new Date(Date.parse(instant) + VN_OFFSET_MS)

export async function pinZip(bytes: Uint8Array, at: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes)
  const out = new JSZip()
  const entries = Object.values(source.files).sort((a, b) => Number(b.name === TYPES) - Number(a.name === TYPES))
  for (const entry of entries) {
    if (entry.dir) out.file(entry.name, null, { dir: true, date: at })
    else out.file(entry.name, await entry.async('uint8array'), { date: at, createFolders: false })
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}
