/** The items of one planned session: planned time, what, how long, priority, and move / remove. */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PriorityClass } from '../../../shared/model/common'
import type { RundownItem } from '../../../shared/onair/rundown'
import { formatDuration } from '../../components/format'
import { stationClock } from './format-time'

const priorityColor: Record<PriorityClass, string> = { normal: 'default', priority: 'orange', emergency: 'red' }

interface SessionItemsTableProps {
  items: readonly RundownItem[]
  isRepeating: (item: RundownItem) => boolean
  onMove: (index: number, direction: -1 | 1) => void
  onRemove: (item: RundownItem) => void
}

export function SessionItemsTable({ items, isRepeating, onMove, onRemove }: SessionItemsTableProps) {
  const { t } = useTranslation()
  return (
    <Table<RundownItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...items]}
      locale={{ emptyText: t('schedule.emptySession') }}
      columns={[
        {
          title: t('schedule.column.time'),
          key: 'time',
          width: 100,
          render: (_, item) => stationClock(item.plannedStartMs),
        },
        {
          title: t('schedule.column.title'),
          key: 'title',
          render: (_, item) => (
            <Space wrap>
              <Tag>{t(`schedule.kind.${item.kind}`)}</Tag>
              {item.kind === 'silence' ? t('schedule.silenceTitle') : item.title}
              {isRepeating(item) && <Tag color="blue">{t('schedule.repeating')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('schedule.column.duration'),
          key: 'duration',
          width: 100,
          render: (_, item) => formatDuration(item.durationMs),
        },
        {
          title: t('schedule.column.priority'),
          key: 'priority',
          width: 130,
          render: (_, item) => (
            <Tag color={priorityColor[item.priority]}>{t(`schedule.priority.${item.priority}`)}</Tag>
          ),
        },
        {
          title: t('schedule.column.actions'),
          key: 'actions',
          width: 150,
          render: (_, item, index) => (
            <Space>
              <Tooltip title={t('schedule.moveUp')}>
                <Button
                  aria-label={t('schedule.moveUp')}
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => onMove(index, -1)}
                />
              </Tooltip>
              <Tooltip title={t('schedule.moveDown')}>
                <Button
                  aria-label={t('schedule.moveDown')}
                  icon={<ArrowDownOutlined />}
                  disabled={index === items.length - 1}
                  onClick={() => onMove(index, 1)}
                />
              </Tooltip>
              <Tooltip title={t('schedule.remove')}>
                <Button
                  aria-label={t('schedule.remove')}
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onRemove(item)}
                />
              </Tooltip>
            </Space>
          ),
        },
      ]}
    />
  )
}
