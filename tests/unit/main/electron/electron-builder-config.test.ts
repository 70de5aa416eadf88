import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../../..')
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
const section = (key: string) => (config[key] ?? {}) as Record<string, unknown>

describe('electron-builder config', () => {
  it('names the app as the station knows it', () => {
    expect(config).toMatchObject({ appId: 'vn.daixa.app', productName: 'Đài Xã', executableName: 'dai-xa' })
  })

  it('packs only the built app, unpacks native addons and ships serialport prebuilds as they are', () => {
    expect(config.files).toEqual(['out/**', 'package.json'])
    expect(config.asarUnpack).toEqual(['**/*.node'])
    expect(config.npmRebuild).toBe(false)
    expect(config.asar).not.toBe(false)
  })

  it('builds an assisted NSIS installer for Windows x64 in Vietnamese and English', () => {
    expect(section('win').target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(section('nsis')).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['vi_VN', 'en_US'],
    })
    expect(String(section('nsis').artifactName)).toMatch(/^[\x20-\x7e]+$/)
  })

  it('builds AppImage and deb for Linux, in the Audio category, depending on ALSA', () => {
    const linux = section('linux')
    expect(linux.target).toEqual(['AppImage', 'deb'])
    expect(linux.category).toBe('Audio')
    expect(String(linux.artifactName)).toMatch(/^[\x20-\x7e]+$/)
    const depends = section('deb').depends as string[]
    expect(
      depends.some((d) =>
        d
          .split('|')
          .map((s) => s.trim())
          .includes('libasound2'),
      ),
    ).toBe(true)
    // Setting `depends` replaces electron-builder's defaults, so they must all be listed again.
    for (const lib of [
      'libgtk-3-0',
      'libnss3',
      'libnotify4',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libuuid1',
      'libsecret-1-0',
    ]) {
      expect(
        depends.some((d) => d.includes(lib)),
        lib,
      ).toBe(true)
    }
  })

  it('publishes to a generic feed whose placeholder never resolves', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: 'https://updates.example.invalid/daixa/' })
  })

  it('signs Windows builds and lets the updater install only installers signed by that publisher', () => {
    const win = section('win')
    expect(win.verifyUpdateCodeSignature).toBe(true)
    const signing = (win.signtoolOptions ?? {}) as Record<string, unknown>
    const publishers = signing.publisherName as string[]
    expect(Array.isArray(publishers) && publishers.length).toBeGreaterThan(0)
    for (const name of publishers) expect(name.trim()).not.toBe('')
    expect(signing.signingHashAlgorithms).toEqual(['sha256'])
    // The certificate and its password come from the build machine's environment, never the repository.
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
    expect(text).not.toMatch(/certificateFile|certificatePassword|\bCSC_KEY_PASSWORD\s*:/)
    expect(config.forceCodeSigning).not.toBe(false)
  })

  it('flips the Electron fuses at packaging: no run-as-node, cookies encrypted, only an integrity-checked app.asar', () => {
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('uses an electron-builder that applies electronFuses itself (nothing downloaded for it)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/package.json'), 'utf8')) as {
      version: string
    }
    const [major = 0, minor = 0] = pkg.version.split('.').map(Number)
    // electronFuses arrived in electron-builder 25.1; @electron/fuses is its own dependency.
    expect(major > 25 || (major === 25 && minor >= 1)).toBe(true)
    expect(() => readFileSync(join(root, 'node_modules/@electron/fuses/package.json'))).not.toThrow()
  })

  it('has a 512×512 RGBA PNG icon and the udev rule it ships', () => {
    const png = readFileSync(join(root, 'build/icon.png'))
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]]).toEqual([512, 512, 6])
    const rules = readFileSync(join(root, 'build/linux/99-daixa-serial.rules'), 'utf8')
    for (const vendor of ['1a86', '0403', '067b']) expect(rules).toContain(`ATTRS{idVendor}=="${vendor}"`)
    expect(rules).toContain('GROUP="dialout"')
    const extra = section('linux').extraResources as Array<{ from: string }>
    expect(extra.map((e) => e.from)).toContain('build/linux/99-daixa-serial.rules')
  })
})
