/** The configured devices: name and use, type, connection, live status, the "Thử" button and its result. */
import { Button, Empty, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeviceConfig, DeviceEntry } from '../../../shared/ipc/hardware'
import { DeviceStatusTag } from './DeviceStatusTag'
import { TestResultText } from './TestResultText'
import type { TestOutcome } from './useHardware'

export interface DeviceTableProps {
  devices: DeviceEntry[] | null
  tests: Record<string, TestOutcome>
  onTest(id: string): void
  onEdit(config: DeviceConfig): void
  onRemove(config: DeviceConfig): void
}

export function DeviceTable({ devices, tests, onTest, onEdit, onRemove }: DeviceTableProps) {
  const { t } = useTranslation()

  const connectionOf = (config: DeviceConfig) => {
    if (config.family === 'exciter-relay') {
      const relay = devices?.find((d) => d.config.id === config.options.relayDeviceId)
      return relay
        ? t('hardware.connection.viaRelay', { relay: relay.config.name, channel: config.options.channel })
        : t('hardware.connection.missingRelay')
    }
    const { transport } = config
    if (transport.kind === 'tcp') return <Typography.Text code>{`${transport.host}:${transport.port}`}</Typography.Text>
    return (
      <Space direction="vertical" size={0}>
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {transport.path}
        </Typography.Text>
        <Typography.Text type="secondary">{`${transport.baudRate} baud`}</Typography.Text>
      </Space>
    )
  }

  return (
    <Table<DeviceEntry>
      rowKey={(entry) => entry.config.id}
      loading={devices === null}
      dataSource={devices ?? []}
      pagination={false}
      locale={{ emptyText: <Empty description={t('hardware.empty')} /> }}
      columns={[
        {
          title: t('hardware.columns.name'),
          width: 190,
          render: (_v, { config }) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{config.name}</Typography.Text>
              <Typography.Text type="secondary">{t(`hardware.roles.${config.role}`)}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('hardware.columns.kind'),
          width: 180,
          render: (_v, { config }) => t(`hardware.families.${config.family}`),
        },
        {
          title: t('hardware.columns.connection'),
          width: 250,
          render: (_v, { config }) => connectionOf(config),
        },
        {
          title: t('hardware.columns.status'),
          width: 150,
          render: (_v, { status }) => <DeviceStatusTag status={status} />,
        },
        {
          title: t('hardware.columns.test'),
          width: 260,
          render: (_v, { config }) => (
            <Space direction="vertical" size={4}>
              <Button
                size="large"
                type="primary"
                disabled={!config.isEnabled}
                loading={tests[config.id]?.state === 'running'}
                onClick={() => onTest(config.id)}
              >
                {t('hardware.test.button')}
              </Button>
              <TestResultText outcome={tests[config.id]} />
            </Space>
          ),
        },
        {
          title: t('hardware.columns.actions'),
          width: 150,
          render: (_v, { config }) => (
            <>
              <Button type="link" onClick={() => onEdit(config)}>
                {t('hardware.edit')}
              </Button>
              <Button type="link" danger onClick={() => onRemove(config)}>
                {t('hardware.remove')}
              </Button>
            </>
          ),
        },
      ]}
    />
  )
}
