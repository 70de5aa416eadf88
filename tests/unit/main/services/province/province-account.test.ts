import { stat, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createProvinceAccount,
  ownerOnlyFileSealer,
  type SecretSealer,
} from '../../../../../src/main/services/province/province-account'
import { provinceCommands, type ProvinceSession } from '../../../../../src/shared/ipc/province'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'

const dirs = tempDirs('daixa-province-account-')
const session: ProvinceSession = {
  username: 'xa-demo',
  displayName: 'Cán bộ VH-XH',
  communeName: 'Xã Tân Hòa',
  accessToken: 'access-1',
  accessExpiresAt: '2026-11-23T10:00:00.000Z',
  refreshToken: 'refresh-1',
  refreshExpiresAt: '2026-12-23T10:00:00.000Z',
}

/** A sealer that really transforms the bytes (XOR), standing in for the OS keychain in Node. */
const xorSealer: SecretSealer = {
  protection: 'os-keychain',
  seal: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  open: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8'),
}

describe('main/services/province/province-account', () => {
  it('keeps the session across a restart in a file only its owner can read', async () => {
    const dir = await dirs.make()
    const account = createProvinceAccount(dir, ownerOnlyFileSealer, collectingLogger())
    await account.setServer('https://tinh.example.vn')
    const connection = await account.saveSession(session)
    expect(connection).toMatchObject({ serverUrl: 'https://tinh.example.vn', username: 'xa-demo', isSignedIn: true })
    expect((await stat(join(dir, 'province-session.bin'))).mode & 0o777).toBe(0o600)
    const again = createProvinceAccount(dir, ownerOnlyFileSealer, collectingLogger())
    expect(await again.session()).toEqual(session)
  })

  it('stores only sealed bytes when a keychain sealer is given', async () => {
    const dir = await dirs.make()
    const account = createProvinceAccount(dir, xorSealer, collectingLogger())
    await account.saveSession(session)
    expect(await readFile(join(dir, 'province-session.bin'), 'utf8')).not.toContain('refresh-1')
    expect((await account.session())?.refreshToken).toBe('refresh-1')
    expect((await account.connection()).protection).toBe('os-keychain')
  })

  it('forgets the tokens when signed out or when the server changes', async () => {
    const dir = await dirs.make()
    const account = createProvinceAccount(dir, ownerOnlyFileSealer, collectingLogger())
    await account.setServer('https://a.example.vn')
    await account.saveSession(session)
    expect((await account.signOut()).isSignedIn).toBe(false)
    expect(await account.session()).toBeNull()
    await account.saveSession(session)
    await account.setServer('https://a.example.vn')
    expect((await account.connection()).isSignedIn).toBe(true)
    const moved = await account.setServer('https://b.example.vn')
    expect(moved).toMatchObject({ serverUrl: 'https://b.example.vn', isSignedIn: false, username: null })
  })

  it('treats a damaged session file as signed out instead of failing', async () => {
    const dir = await dirs.make()
    await writeFile(join(dir, 'province-session.bin'), 'not json')
    await writeFile(join(dir, 'province.json'), '{"serverUrl":')
    const log = collectingLogger()
    const account = createProvinceAccount(dir, ownerOnlyFileSealer, log)
    expect(await account.connection()).toMatchObject({ serverUrl: null, isSignedIn: false })
    expect(log.lines.join('\n')).toContain('province:')
  })

  it('accepts https servers and plain http only on this computer', () => {
    const input = provinceCommands['province:setServer'].input
    expect(input.safeParse({ serverUrl: 'https://tinh.example.vn' }).success).toBe(true)
    expect(input.safeParse({ serverUrl: 'http://127.0.0.1:8787' }).success).toBe(true)
    expect(input.safeParse({ serverUrl: 'http://localhost:8787' }).success).toBe(true)
    expect(input.safeParse({ serverUrl: 'http://tinh.example.vn' }).success).toBe(false)
    expect(input.safeParse({ serverUrl: 'ftp://127.0.0.1' }).success).toBe(false)
  })
})
