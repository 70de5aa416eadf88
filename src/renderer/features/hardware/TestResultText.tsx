/** What the last "Thử" found, in a sentence the officer can read (announced to screen readers). */
import { Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { TestResult } from '../../../shared/ipc/hardware'
import type { TestOutcome } from './useHardware'

const DEVICE_ERRORS = new Set(['disconnected', 'io', 'invalid-input'])

export function TestResultText({ outcome }: { outcome: TestOutcome | undefined }) {
  const { t, i18n } = useTranslation()
  if (!outcome) return null
  if (outcome.state === 'running') {
    return <Typography.Text role="status">{t('hardware.test.running')}</Typography.Text>
  }
  if (outcome.state === 'failed') {
    // device errors get device wording; anything else is the app's own error text
    const key = DEVICE_ERRORS.has(outcome.code) ? `hardware.testErrors.${outcome.code}` : `errors.${outcome.code}`
    return (
      <Typography.Text role="status" type="danger">
        {t(key)}
      </Typography.Text>
    )
  }
  const { text, isWarning } = describeResult(outcome.result, t, i18n.language)
  const type = outcome.result.kind === 'problem' ? 'danger' : isWarning ? 'warning' : 'success'
  return (
    <Typography.Text role="status" type={type}>
      {text}
    </Typography.Text>
  )
}

function describeResult(result: TestResult, t: TFunction, locale: string): { text: string; isWarning: boolean } {
  const num = (n: number): string => n.toLocaleString(locale, { maximumFractionDigits: 2 })
  switch (result.kind) {
    case 'relay':
      return {
        text: t(result.wasOn ? 'hardware.test.relayWasOn' : 'hardware.test.relayPulsed', { channel: result.channel }),
        isWarning: false,
      }
    case 'rds':
      if (result.readBack !== null && result.readBack !== result.ps) {
        return { text: t('hardware.test.rdsMismatch', { ps: result.ps, readBack: result.readBack }), isWarning: true }
      }
      if (result.readBack !== null)
        return { text: t('hardware.test.rdsConfirmed', { ps: result.ps }), isWarning: false }
      return {
        text: t(result.isAcknowledged ? 'hardware.test.rdsAcknowledged' : 'hardware.test.rdsSent', { ps: result.ps }),
        isWarning: !result.isAcknowledged,
      }
    case 'exciter': {
      const m = result.telemetry
      const parts = [
        m.isRfOn === undefined ? null : t(m.isRfOn ? 'hardware.test.exciterRfOn' : 'hardware.test.exciterRfOff'),
        m.frequencyMHz === undefined ? null : t('hardware.test.exciterFrequency', { mhz: num(m.frequencyMHz) }),
        m.powerSetW === undefined ? null : t('hardware.test.exciterPowerSet', { watts: num(m.powerSetW) }),
        m.forwardW === undefined ? null : t('hardware.test.exciterForward', { watts: m.forwardW }),
        m.reflectedW === undefined ? null : t('hardware.test.exciterReflected', { watts: m.reflectedW }),
        m.vswr === undefined ? null : t('hardware.test.exciterVswr', { vswr: m.vswr }),
        m.temperatureC === undefined ? null : t('hardware.test.exciterTemperature', { celsius: m.temperatureC }),
        m.alarms.length === 0 ? null : t('hardware.test.exciterAlarms', { alarms: m.alarms.join(', ') }),
      ].filter((p): p is string => p !== null)
      const text = parts.length > 0 ? parts.join(' · ') : t('hardware.test.exciterNoData')
      const licence = result.outOfLicence.map((what) => t(`hardware.test.outOfLicence.${what}`))
      return {
        text: licence.length > 0 ? `${licence.join(' ')} ${text}` : text,
        isWarning: m.alarms.length > 0 || licence.length > 0,
      }
    }
    case 'exciter-relay':
      return {
        text: t('hardware.test.exciterRelay', {
          state: t(result.isRfOn ? 'hardware.test.rfOn' : 'hardware.test.rfOff'),
        }),
        isWarning: false,
      }
    case 'problem':
      return {
        text: t(`hardware.test.problems.${result.problem}`, { unitId: result.unitId ?? '' }),
        isWarning: true,
      }
  }
}
