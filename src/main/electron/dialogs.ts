/**
 * The host's native dialogs: About, and the officer's own "Check for updates". Background checks
 * never open a dialog: a pop-up in the middle of a broadcast helps no one.
 */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { HostLabels } from './menu-labels'
import type { Updater } from './updater'

export interface AboutInfo {
  productName: string
  version: string
}

async function show(window: BrowserWindow | null, options: MessageBoxOptions): Promise<number> {
  const { response } = await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options))
  return response
}

export async function showAbout(window: BrowserWindow | null, labels: HostLabels, info: AboutInfo): Promise<void> {
  await show(window, {
    type: 'info',
    title: labels.about,
    message: `${info.productName} ${info.version}`,
    detail: labels.aboutDetail({
      app: info.version,
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    }),
    buttons: [labels.ok],
  })
}

export async function checkForUpdatesInteractively(
  window: BrowserWindow | null,
  labels: HostLabels,
  updater: Updater,
  currentVersion: string,
): Promise<void> {
  const say = (message: string, type: 'info' | 'warning' = 'info'): Promise<number> =>
    show(window, { type, title: labels.checkForUpdates, message, buttons: [labels.ok] })
  let status = updater.status()
  if (status.phase !== 'downloaded' && status.phase !== 'disabled') status = await updater.checkNow()
  switch (status.phase) {
    case 'disabled':
      await say(labels.updatesDisabled)
      return
    case 'failed':
      await say(labels.updateFailed(status.lastError ?? ''), 'warning')
      return
    case 'idle':
    case 'checking':
      await say(labels.upToDate(currentVersion))
      return
    case 'downloading':
      await say(labels.updateDownloading(status.availableVersion ?? ''))
      return
    case 'downloaded':
      await askToInstall(window, labels, updater, status.downloadedVersion ?? '')
      return
  }
}

async function askToInstall(window: BrowserWindow | null, labels: HostLabels, updater: Updater, version: string) {
  const choice = await show(window, {
    type: 'question',
    title: labels.checkForUpdates,
    message: labels.updateReady(version),
    buttons: [labels.installNow, labels.later],
    defaultId: 1,
    cancelId: 1,
  })
  if (choice !== 0) return
  const decision = updater.installNow()
  if (!decision.allowed && decision.reason === 'on-air') {
    await show(window, { type: 'warning', title: labels.checkForUpdates, message: labels.updateBlockedOnAir })
  }
}
