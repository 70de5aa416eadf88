/**
 * The station's devices on the Phát sóng screen, live: each by its name with its state (online,
 * not answering, unplugged, alarm) and, when it is not fine, what to do; below them the host's
 * hardware alerts (left on after a session and switched off, RF refused outside the licence, RF
 * switched off on telemetry). The audio goes on whatever a device does.
 */
import { Alert, Card, List, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { FAMILY_TRAITS, type DeviceEntry } from '../../../shared/ipc/hardware'
import { DeviceStatusTag } from '../hardware/DeviceStatusTag'
import { hardwareAlertText, isLoud } from './hardware-alert-text'
import { useStationHealth } from './useStationHealth'

const NEEDS_ACTION = new Set(['unresponsive', 'disconnected', 'alarm'])

function todoKey(entry: DeviceEntry): string | null {
  const { state } = entry.status
  if (!NEEDS_ACTION.has(state)) return null
  const kind = FAMILY_TRAITS[entry.config.family].kind
  return `onair.health.todo.${state}.${kind === 'exciter-relay' ? 'relay' : kind}`
}

export function DeviceHealth() {
  const { t, i18n } = useTranslation()
  const { devices, alerts } = useStationHealth()
  if (devices === null || (devices.length === 0 && alerts.length === 0)) return null
  return (
    <Card size="small" title={t('onair.health.title')} aria-label={t('onair.health.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <List
          size="small"
          dataSource={devices}
          renderItem={(entry) => {
            const todo = todoKey(entry)
            return (
              <List.Item aria-label={entry.config.name}>
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <Typography.Text strong>{entry.config.name}</Typography.Text>
                    <DeviceStatusTag status={entry.status} />
                  </Space>
                  {todo && (
                    <Typography.Text type="danger">
                      {t(todo, { name: entry.config.name, detail: entry.status.detail ?? '' })}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )
          }}
        />
        {alerts.map((alert) => (
          <Alert
            key={alert.seq}
            type={isLoud(alert) ? 'error' : 'warning'}
            showIcon
            message={`${new Date(alert.at).toLocaleTimeString(i18n.language, { hour12: false })} — ${hardwareAlertText(alert, t, i18n.language)}`}
          />
        ))}
      </Space>
    </Card>
  )
}
