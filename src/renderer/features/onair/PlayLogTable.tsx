/**
 * Today's as-played log: planned and actual times, outcome, and how the device steps went. A
 * trial run's rows read "Phát thử" (with the outcome only when it did not play): never "Đã phát".
 */
import { Card, Space, Table, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatTime } from '../../components/format'
import type { PlayLogRow } from '../../db/records'

const time = (iso: string | null): string => (iso ? formatTime(iso, { seconds: true }) : '—')

const outcomeColor: Record<PlayLogRow['outcome'], string> = {
  played: 'green',
  skipped: 'orange',
  interrupted: 'gold',
  failed: 'red',
}

export function PlayLogTable({ rows }: { rows: readonly PlayLogRow[] | null }) {
  const { t } = useTranslation()
  const devices = (row: PlayLogRow) => {
    const actions = row.deviceActions ?? []
    if (actions.length === 0) return t('onair.log.noDevices')
    const failed = actions.filter((a) => !a.isOk).length
    const text = failed
      ? t('onair.log.devicesFailed', { failed, count: actions.length })
      : t('onair.log.devicesOk', { count: actions.length })
    return (
      <Tooltip title={actions.map((a) => `${a.isOk ? '✓' : '✗'} ${a.step} ${a.detail}`).join('\n')}>{text}</Tooltip>
    )
  }
  return (
    <Card title={t('onair.log.title')}>
      <Table<PlayLogRow>
        aria-label={t('onair.log.title')}
        size="small"
        rowKey="id"
        loading={rows === null}
        dataSource={rows ? [...rows] : []}
        locale={{ emptyText: t('onair.log.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('onair.log.planned'), key: 'planned', render: (_, r) => time(r.plannedStart) },
          { title: t('onair.log.itemTitle'), dataIndex: 'title', key: 'title' },
          { title: t('onair.log.actualStart'), key: 'start', render: (_, r) => time(r.actualStart) },
          { title: t('onair.log.actualEnd'), key: 'end', render: (_, r) => time(r.actualEnd) },
          {
            title: t('onair.log.outcome'),
            key: 'outcome',
            render: (_, r) => {
              const outcome = <Tag color={outcomeColor[r.outcome]}>{t(`onair.outcome.${r.outcome}`)}</Tag>
              if (!r.isTrial) return outcome
              return (
                <Space size={4}>
                  <Tag color="blue">{t('onair.outcome.trial')}</Tag>
                  {r.outcome !== 'played' && outcome}
                </Space>
              )
            },
          },
          { title: t('onair.log.devices'), key: 'devices', render: (_, r) => devices(r) },
        ]}
      />
    </Card>
  )
}
