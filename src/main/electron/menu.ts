/**
 * The application menu, in the station's language (settings' `language`), rebuilt when the
 * officer switches language. Screen items (Record, Library, Devices, Clusters, Reports, Settings)
 * do not navigate here: they emit `app:menu` on the bus and the renderer opens the screen. Reload
 * is left out of packaged builds: a stray Ctrl+R during a broadcast would cut the sound.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { Language } from '../../shared/ipc/app'
import type { EventPayload } from '../../shared/ipc/contract'
import type { EventBus } from '../ipc/dispatcher'
import type { Logger } from '../services/logger'
import type { SettingsStore } from '../services/settings-store'
import { hostLabels, type HostLabels } from './menu-labels'

export type MenuAction = EventPayload<'app:menu'>['action']

export interface MenuCommands {
  open(action: MenuAction): void
  about(): void
  checkForUpdates(): void
}

export function buildMenuTemplate(
  labels: HostLabels,
  commands: MenuCommands,
  { isDev }: { isDev: boolean },
): MenuItemConstructorOptions[] {
  const open = (id: MenuAction, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => commands.open(id),
  })
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { role: 'reload', label: labels.reload },
          { role: 'toggleDevTools', label: labels.toggleDevTools },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom', label: labels.resetZoom },
    { role: 'zoomIn', label: labels.zoomIn },
    { role: 'zoomOut', label: labels.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: labels.toggleFullScreen },
  ]
  return [
    {
      label: labels.file,
      submenu: [
        open('open-record', labels.record),
        open('open-library', labels.library),
        open('open-hardware', labels.hardware),
        open('open-clusters', labels.clusters),
        open('open-reports', labels.reports),
        { type: 'separator' },
        open('open-settings', labels.settings, 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'quit', label: labels.quit },
      ],
    },
    {
      label: labels.edit,
      submenu: [
        { role: 'undo', label: labels.undo },
        { role: 'redo', label: labels.redo },
        { type: 'separator' },
        { role: 'cut', label: labels.cut },
        { role: 'copy', label: labels.copy },
        { role: 'paste', label: labels.paste },
        { role: 'selectAll', label: labels.selectAll },
      ],
    },
    { label: labels.view, submenu: view },
    {
      label: labels.help,
      submenu: [
        { id: 'about', label: labels.about, click: () => commands.about() },
        { id: 'check-for-updates', label: labels.checkForUpdates, click: () => commands.checkForUpdates() },
      ],
    },
  ]
}

export interface AppMenuOptions {
  /** Main passes `(t) => Menu.setApplicationMenu(Menu.buildFromTemplate(t))`. */
  setMenu: (template: MenuItemConstructorOptions[]) => void
  settings: Pick<SettingsStore, 'get' | 'onChange'>
  bus: Pick<EventBus, 'emit'>
  about: (labels: HostLabels) => void
  checkForUpdates: (labels: HostLabels) => void
  isDev: boolean
  log: Logger
}

/** Sets the menu now and again on each language change; returns a function that stops following settings. */
export function installAppMenu({
  setMenu,
  settings,
  bus,
  about,
  checkForUpdates,
  isDev,
  log,
}: AppMenuOptions): () => void {
  let language: Language | null = null
  const apply = (next: Language): void => {
    if (next === language) return
    language = next
    const labels = hostLabels[next]
    const commands: MenuCommands = {
      open: (action) => bus.emit('app:menu', { action }),
      about: () => about(labels),
      checkForUpdates: () => checkForUpdates(labels),
    }
    setMenu(buildMenuTemplate(labels, commands, { isDev }))
    log.info(`menu: built in ${next}`)
  }
  apply(settings.get().language)
  return settings.onChange((prefs) => apply(prefs.language))
}
