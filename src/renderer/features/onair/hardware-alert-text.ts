/**
 * Words for the host's hardware alerts (`hardware:alert`), naming the device by its name and
 * saying what was done and what the officer should do. Numbers use the screen's locale.
 */
import type { TFunction } from 'i18next'
import type { HardwareAlert } from '../../../shared/ipc/hardware-onair'

export function hardwareAlertText(alert: HardwareAlert, t: TFunction, locale: string): string {
  const name = alert.deviceName
  const value = alert.value === undefined ? '' : alert.value.toLocaleString(locale, { maximumFractionDigits: 2 })
  switch (alert.kind) {
    case 'left-on':
      return alert.channel === undefined
        ? t('onair.health.alerts.leftOnRf', { name })
        : t('onair.health.alerts.leftOnRelay', { name, channel: alert.channel })
    case 'licence-refused':
      return t(`onair.health.alerts.licence.${alert.reason === 'frequency' ? 'frequency' : 'power'}`, { name, value })
    case 'telemetry-trip':
      return t(`onair.health.alerts.trip.${alert.reason ?? 'alarm'}`, { name, value, alarm: alert.alarm ?? '' })
  }
}

/** Alerts the officer must act on at once (RF refused or switched off) are errors; the rest warnings. */
export const isLoud = (alert: HardwareAlert): boolean => alert.kind !== 'left-on'
