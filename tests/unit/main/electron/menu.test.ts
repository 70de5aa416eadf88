import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildMenuTemplate, installAppMenu, type MenuCommands } from '../../../../src/main/electron/menu'
import { hostLabels, type HostLabels } from '../../../../src/main/electron/menu-labels'
import { createEventBus } from '../../../../src/main/ipc/dispatcher'
import { createLogger } from '../../../../src/main/services/logger'
import { createSettingsStore, type SettingsStore } from '../../../../src/main/services/settings-store'

type Item = MenuItemConstructorOptions
const submenuOf = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : [])
const flatten = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flatten(submenuOf(i))])
const click = (item: Item | undefined): void => (item?.click as (() => void) | undefined)?.()
const noCommands: MenuCommands = { open: () => undefined, about: () => undefined, checkForUpdates: () => undefined }

describe('menu', () => {
  let dir: string
  let settings: SettingsStore
  const log = createLogger(() => undefined)

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'daixa-menu-'))
    settings = await createSettingsStore(dir, log)
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('has every label in both languages, and they differ where words differ', () => {
    const keys = Object.keys(hostLabels.vi).sort() as Array<keyof HostLabels>
    expect(Object.keys(hostLabels.en).sort()).toEqual(keys)
    const versions = { app: '1.2.0', electron: '45.4.1', chrome: '156', node: '22' }
    for (const labels of [hostLabels.vi, hostLabels.en]) {
      for (const key of keys) {
        const value = labels[key]
        // Every function label takes a version string, except aboutDetail, which takes all versions.
        const text =
          typeof value === 'function'
            ? (value as (arg: unknown) => string)(key === 'aboutDetail' ? versions : '1.2.0')
            : value
        expect(text.trim().length, key).toBeGreaterThan(0)
        if (typeof value === 'function') expect(text, key).toContain('1.2.0')
      }
    }
    expect([hostLabels.vi.file, hostLabels.vi.help, hostLabels.vi.quit]).toEqual(['Tệp', 'Trợ giúp', 'Thoát'])
    expect([hostLabels.en.file, hostLabels.en.help, hostLabels.en.quit]).toEqual(['File', 'Help', 'Quit'])
  })

  it('builds File, Edit, View and Help with the screen items and the help items', () => {
    const template = buildMenuTemplate(hostLabels.vi, noCommands, { isDev: false })
    expect(template.map((t) => t.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp'])
    expect(submenuOf(template[0]).map((i) => i.label ?? i.type)).toEqual([
      'Thu âm',
      'Thư viện',
      'Thiết bị',
      'Cụm loa',
      'Báo cáo',
      'separator',
      'Cài đặt',
      'separator',
      'Thoát',
    ])
    expect(submenuOf(template[3]).map((i) => i.label)).toEqual(['Giới thiệu', 'Kiểm tra cập nhật'])
    const english = submenuOf(buildMenuTemplate(hostLabels.en, noCommands, { isDev: false })[0])
    expect(english.filter((i) => i.id === 'open-clusters' || i.id === 'open-reports').map((i) => i.label)).toEqual([
      'Clusters',
      'Reports',
    ])
  })

  it('leaves reload and DevTools out of a packaged app', () => {
    const roles = (isDev: boolean) =>
      flatten(buildMenuTemplate(hostLabels.en, noCommands, { isDev })).map((i) => i.role)
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('emits app:menu on the bus for screen items and calls the help commands', () => {
    const bus = createEventBus(log)
    const events: unknown[] = []
    bus.subscribe((channel, payload) => events.push([channel, payload]))
    const asked: string[] = []
    const menus: Item[][] = []
    installAppMenu({
      setMenu: (t) => menus.push(t),
      settings,
      bus,
      about: (labels) => asked.push(`about:${labels.about}`),
      checkForUpdates: (labels) => asked.push(`check:${labels.checkForUpdates}`),
      isDev: false,
      log,
    })
    const items = flatten(menus[0] ?? [])
    for (const id of [
      'open-record',
      'open-library',
      'open-clusters',
      'open-reports',
      'open-settings',
      'about',
      'check-for-updates',
    ]) {
      click(items.find((i) => i.id === id))
    }
    expect(events).toEqual([
      ['app:menu', { action: 'open-record' }],
      ['app:menu', { action: 'open-library' }],
      ['app:menu', { action: 'open-clusters' }],
      ['app:menu', { action: 'open-reports' }],
      ['app:menu', { action: 'open-settings' }],
    ])
    expect(asked).toEqual(['about:Giới thiệu', 'check:Kiểm tra cập nhật'])
  })

  it('rebuilds in the new language when the officer switches, and only then', async () => {
    const menus: Item[][] = []
    const stop = installAppMenu({
      setMenu: (t) => menus.push(t),
      settings,
      bus: createEventBus(log),
      about: () => undefined,
      checkForUpdates: () => undefined,
      isDev: false,
      log,
    })
    expect(menus.map((m) => m[0]?.label)).toEqual(['Tệp'])
    await settings.update({ language: 'en' })
    await settings.update({ maxRecordingMinutes: 30 })
    expect(menus.map((m) => m[0]?.label)).toEqual(['Tệp', 'File'])
    stop()
    await settings.update({ language: 'vi' })
    expect(menus).toHaveLength(2)
  })
})
