/**
 * The province link's local state: `province.json` (server address, who is signed in; not secret)
 * and `province-session.bin` (the token pair, sealed by a `SecretSealer`). Electron seals with
 * safeStorage (the OS keychain: DPAPI, Keychain, libsecret/kwallet); the browser host has no
 * keychain and stores the JSON as-is in a file created with mode 0600. Both files are written
 * atomically; an unreadable or undecryptable session counts as signed out (sign in again), never
 * as an error that blocks the station.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { provinceSessionSchema, type ProvinceConnection, type ProvinceSession } from '../../../shared/ipc/province'
import type { Logger } from '../logger'
import { writeFileAtomic } from '../media/media-store'

export interface SecretSealer {
  readonly protection: ProvinceConnection['protection']
  seal(plain: string): Buffer
  open(sealed: Buffer): string
}

/** The browser host's sealer: no encryption, the file's mode (0600) is the protection. */
export const ownerOnlyFileSealer: SecretSealer = {
  protection: 'owner-only-file',
  seal: (plain) => Buffer.from(plain, 'utf8'),
  open: (sealed) => sealed.toString('utf8'),
}

const linkFileSchema = z.object({
  serverUrl: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  communeName: z.string().nullable(),
})
type LinkFile = z.infer<typeof linkFileSchema>
const noLink: LinkFile = { serverUrl: null, username: null, displayName: null, communeName: null }

export interface ProvinceAccount {
  connection(): Promise<ProvinceConnection>
  setServer(serverUrl: string): Promise<ProvinceConnection>
  saveSession(session: ProvinceSession): Promise<ProvinceConnection>
  session(): Promise<ProvinceSession | null>
  signOut(): Promise<ProvinceConnection>
}

export function createProvinceAccount(dataDir: string, sealer: SecretSealer, log: Logger): ProvinceAccount {
  const linkPath = join(dataDir, 'province.json')
  const sessionPath = join(dataDir, 'province-session.bin')

  async function readLink(): Promise<LinkFile> {
    try {
      const parsed = linkFileSchema.safeParse(JSON.parse(await readFile(linkPath, 'utf8')))
      if (parsed.success) return parsed.data
      log.warn('province: province.json is not valid; the server address must be entered again')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        log.warn(`province: cannot read province.json: ${String(error)}`)
    }
    return noLink
  }

  async function session(): Promise<ProvinceSession | null> {
    let sealed: Buffer
    try {
      sealed = await readFile(sessionPath)
    } catch {
      return null
    }
    try {
      return provinceSessionSchema.parse(JSON.parse(sealer.open(sealed)))
    } catch {
      log.warn('province: the stored session cannot be opened; the officer must sign in again')
      return null
    }
  }

  async function connection(): Promise<ProvinceConnection> {
    const link = await readLink()
    const isSignedIn = link.username !== null && (await session()) !== null
    return { ...link, isSignedIn, protection: sealer.protection }
  }

  async function writeLink(link: LinkFile): Promise<void> {
    await writeFileAtomic(linkPath, JSON.stringify(link))
  }

  return {
    connection,
    session,
    async setServer(serverUrl) {
      const link = await readLink()
      // A different province means different accounts: the old tokens are no use there.
      if (link.serverUrl !== serverUrl) {
        await rm(sessionPath, { force: true })
        await writeLink({ ...noLink, serverUrl })
      }
      return connection()
    },
    async saveSession(next) {
      // Created 0600 before any byte is written, so the tokens are never readable by others.
      await writeFileAtomic(sessionPath, sealer.seal(JSON.stringify(next)), 0o600)
      const link = await readLink()
      await writeLink({
        ...link,
        username: next.username,
        displayName: next.displayName,
        communeName: next.communeName,
      })
      return connection()
    },
    async signOut() {
      await rm(sessionPath, { force: true })
      const link = await readLink()
      await writeLink({ ...link, username: null, displayName: null, communeName: null })
      return connection()
    },
  }
}
