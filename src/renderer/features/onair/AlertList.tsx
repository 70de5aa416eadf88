/**
 * The engine's alerts, newest first, each telling the officer what happened and what to do; a
 * failed device step names the device by its name ("Rơ-le tăng âm: không tắt được kênh 1").
 */
import { Alert, Card, Space, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { DeviceAction } from '../../../shared/onair/rundown'
import type { EngineAlert } from '../../audio/playout/engine-types'
import { formatTime } from '../../components/format'
import { useDeviceNames } from './useDeviceNames'
import type { TimedAlert } from './useOnAir'

const DEVICE_ERRORS = new Set(['disconnected', 'not-found', 'invalid-input', 'io', 'forbidden', 'conflict'])

/** What the step was meant to do, in the officer's words ("bật kênh 1", "tắt phát sóng"). */
function stepWords(action: DeviceAction, t: TFunction): string {
  switch (action.kind) {
    case 'relay':
      return t(action.isOn ? 'onair.alerts.what.relayOn' : 'onair.alerts.what.relayOff', { channel: action.channel })
    case 'rf':
      return t(action.isOn ? 'onair.alerts.what.rfOn' : 'onair.alerts.what.rfOff')
    case 'rds-ps':
      return t('onair.alerts.what.ps')
    case 'rds-rt':
      return t(action.text === '' ? 'onair.alerts.what.rtClear' : 'onair.alerts.what.rt')
    case 'dtmf':
    case 'wait':
      return action.kind
  }
}
const ERROR_KINDS = new Set<EngineAlert['kind']>(['device-failed', 'silence', 'relay-failed'])

function useAlertText() {
  const { t } = useTranslation()
  const names = useDeviceNames()
  return (alert: EngineAlert): string => {
    switch (alert.kind) {
      case 'missing-media':
      case 'missed':
        return t(`onair.alerts.${alert.kind}`, { title: alert.title })
      case 'relay-failed':
        return t('onair.alerts.relay-failed', {
          title: alert.title,
          reason: t(`onair.relayErrors.${alert.reason}`),
        })
      case 'device-failed': {
        const reason = t(`onair.deviceErrors.${DEVICE_ERRORS.has(alert.code) ? alert.code : 'other'}`)
        const action = alert.action
        if (!action || !('deviceId' in action)) return t('onair.alerts.device-failed', { step: alert.step, reason })
        const name = names.get(action.deviceId) ?? t('onair.alerts.unknownDevice')
        return t('onair.alerts.device-failed-named', { name, what: stepWords(action, t), reason })
      }
      case 'silence':
        return t('onair.alerts.silence', { seconds: alert.seconds })
      case 'sink-missing':
      case 'engine-failed':
        return t(`onair.alerts.${alert.kind}`)
    }
  }
}

export function AlertList({ alerts }: { alerts: readonly TimedAlert[] }) {
  const { t } = useTranslation()
  const text = useAlertText()
  return (
    <Card title={t('onair.alerts.title')}>
      {alerts.length === 0 ? (
        <Typography.Text type="secondary">{t('onair.alerts.none')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {alerts.map((a) => (
            <Alert
              key={a.id}
              type={ERROR_KINDS.has(a.alert.kind) ? 'error' : 'warning'}
              showIcon
              message={`${formatTime(a.at, { seconds: true })} — ${text(a.alert)}`}
            />
          ))}
        </Space>
      )}
    </Card>
  )
}
