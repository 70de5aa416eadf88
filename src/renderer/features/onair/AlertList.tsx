/** The engine's alerts, newest first, each telling the officer what happened and what to do. */
import { Alert, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { EngineAlert } from '../../audio/playout/engine-types'
import { formatTime } from '../../components/format'
import type { TimedAlert } from './useOnAir'

const DEVICE_ERRORS = new Set(['disconnected', 'not-found', 'invalid-input', 'io'])
const ERROR_KINDS = new Set<EngineAlert['kind']>(['device-failed', 'silence', 'relay-failed'])

function useAlertText() {
  const { t } = useTranslation()
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
      case 'device-failed':
        return t('onair.alerts.device-failed', {
          step: alert.step,
          reason: t(`onair.deviceErrors.${DEVICE_ERRORS.has(alert.code) ? alert.code : 'other'}`),
        })
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
