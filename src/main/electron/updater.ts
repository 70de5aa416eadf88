/**
 * electron-updater wired to the station's settings and the update policy. The feed is the generic
 * provider at settings' `updateFeedUrl` (null: no checks at all, so the placeholder URL baked into
 * app-update.yml is never asked); a feed that is not https is refused, logged, and never asked.
 * The downloaded file's signature is checked by electron-updater against `publisherName`
 * (Windows, from electron-builder.yml) before it is installed. Downloads run in the background; installing is decided by
 * `createUpdatePolicy`: never while on air, on quit or when the officer chooses.
 *
 * Takes the updater as a parameter (main passes electron-updater's `autoUpdater`), so the
 * integration tests run this module against a real AppImageUpdater in plain Node.
 */
import type { AppUpdater, Logger as UpdaterLogger } from 'electron-updater'
import type { Logger } from '../services/logger'
import type { SettingsStore } from '../services/settings-store'
import { isHttpsFeed } from '../../shared/ipc/settings'
import {
  createUpdatePolicy,
  type InstallDecision,
  type UpdatePolicyOptions,
  type UpdateStatus,
} from '../services/updater/update-policy'

export interface UpdaterOptions {
  updater: AppUpdater
  settings: Pick<SettingsStore, 'get' | 'onChange'>
  isOnAir: () => boolean
  log: Logger
  /** Intervals and timers, for tests. */
  schedule?: Pick<UpdatePolicyOptions, 'intervalMs' | 'startDelayMs' | 'retryMs' | 'timers'>
}

export interface Updater {
  /** The officer asked (Help → Check for updates). */
  checkNow(): Promise<UpdateStatus>
  status(): UpdateStatus
  /** The officer chose to install now: quits and installs when allowed, else says why not. */
  installNow(): InstallDecision
  /** Call from `app.on('before-quit')`: lets electron-updater install on quit only when allowed. */
  beforeQuit(): void
  stop(): void
}

const text = (message: unknown): string => (message instanceof Error ? message.message : String(message))

export function startUpdater({ updater, settings, isOnAir, log, schedule }: UpdaterOptions): Updater {
  updater.autoDownload = true
  // Must be true when a download finishes, or electron-updater never hooks `quit`; beforeQuit() decides.
  updater.autoInstallOnAppQuit = true
  updater.allowDowngrade = false
  updater.disableWebInstaller = true
  updater.logger = {
    info: (m?: unknown) => log.info(`updater: ${text(m)}`),
    warn: (m?: unknown) => log.warn(`updater: ${text(m)}`),
    error: (m?: unknown) => log.error(`updater: ${text(m)}`),
  } satisfies UpdaterLogger

  const policy = createUpdatePolicy({
    ...schedule,
    isOnAir,
    log,
    check: async () => {
      const result = await updater.checkForUpdates()
      // The download goes on in the background; its failure also arrives as an 'error' event.
      result?.downloadPromise?.catch(() => undefined)
    },
  })

  const onAvailable = (info: { version: string }): void => policy.onAvailable(info.version)
  const onNotAvailable = (): void => policy.onNotAvailable()
  const onDownloaded = (info: { version: string }): void => {
    updater.autoInstallOnAppQuit = true
    policy.onDownloaded(info.version)
  }
  const onError = (error: Error): void => policy.onError(error.message)
  updater.on('update-available', onAvailable)
  updater.on('update-not-available', onNotAvailable)
  updater.on('update-downloaded', onDownloaded)
  updater.on('error', onError)

  let feed: string | null | undefined
  const applyFeed = (url: string | null): void => {
    if (url === feed) return
    feed = url
    // https only: over plain http anyone on the network path could serve a fake latest.yml and file.
    if (url !== null && !isHttpsFeed(url)) {
      log.error(
        `updater: refused the update feed ${url}: updates are accepted only over https; set an https:// address`,
      )
      policy.setFeedUrl(null)
      return
    }
    if (url !== null) updater.setFeedURL({ provider: 'generic', url })
    policy.setFeedUrl(url)
  }
  applyFeed(settings.get().updateFeedUrl)
  const unsubscribeSettings = settings.onChange((prefs) => applyFeed(prefs.updateFeedUrl))

  return {
    checkNow: () => policy.checkNow(),
    status: () => policy.status(),
    installNow() {
      const decision = policy.decideInstall('officer')
      if (decision.allowed) {
        log.info(`updater: installing ${decision.version} now, as the officer chose`)
        updater.quitAndInstall(true, true)
      }
      return decision
    },
    beforeQuit() {
      updater.autoInstallOnAppQuit = policy.decideInstall('quit').allowed
    },
    stop() {
      unsubscribeSettings()
      policy.stop()
      updater.off('update-available', onAvailable)
      updater.off('update-not-available', onNotAvailable)
      updater.off('update-downloaded', onDownloaded)
      updater.off('error', onError)
    },
  }
}
