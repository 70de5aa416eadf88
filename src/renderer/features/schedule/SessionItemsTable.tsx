/**
 * The items of one planned session: planned time, what, how long, priority, and move / remove.
 * Items the province placed carry a "Của tỉnh" badge and are read-only here (the province's
 * schedule is changed by the province); an item of the province that has no audio on this
 * computer is listed too, without a time, so the officer sees the whole session.
 */
import { AudioStateTag } from '../downloads/AudioStateTag'
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PriorityClass } from '../../../shared/model/common'
import type { RundownItem } from '../../../shared/onair/rundown'
import { formatDuration } from '../../components/format'
import { stationClock } from './format-time'

const priorityColor: Record<PriorityClass, string> = { normal: 'default', priority: 'orange', emergency: 'red' }

/** A province item left out of the rundown because this computer has no audio for it. */
export interface SilentProvinceItem {
  placementId: string
  title: string
}

interface SessionItemsTableProps {
  items: readonly RundownItem[]
  silent: readonly SilentProvinceItem[]
  isRepeating: (item: RundownItem) => boolean
  /** placed as "the newest bulletin/announcement": it changes by itself */
  isNewest?: (item: RundownItem) => boolean
  isProvince: (item: RundownItem) => boolean
  /** a province item in the rundown whose file is not on this computer (the engine will skip it) */
  isWithoutAudio: (item: RundownItem) => boolean
  onMove: (index: number, direction: -1 | 1) => void
  onRemove: (item: RundownItem) => void
}

type Row = { key: string; index: number; item: RundownItem } | { key: string; index: -1; silent: SilentProvinceItem }

export function SessionItemsTable(props: SessionItemsTableProps) {
  const { items, silent, isRepeating, isNewest, isProvince, isWithoutAudio, onMove, onRemove } = props
  const { t } = useTranslation()
  const rows: Row[] = [
    ...items.map((item, index) => ({ key: item.id, index, item })),
    ...silent.map((s) => ({ key: s.placementId, index: -1 as const, silent: s })),
  ]
  // the station's own items move among themselves; a province item keeps its place
  const canMove = (index: number, dir: -1 | 1): boolean => {
    const here = items[index]
    const there = items[index + dir]
    return here !== undefined && there !== undefined && !isProvince(here) && !isProvince(there)
  }
  const provinceTag = <Tag color="purple">{t('schedule.province.badge')}</Tag>
  const noAudioTag = <Tag color="warning">{t('schedule.province.noAudioTag')}</Tag>
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('schedule.emptySession') }}
      columns={[
        {
          title: t('schedule.column.time'),
          key: 'time',
          width: 100,
          render: (_, row) => ('item' in row ? stationClock(row.item.plannedStartMs) : '—'),
        },
        {
          title: t('schedule.column.title'),
          key: 'title',
          render: (_, row) =>
            'item' in row ? (
              <Space wrap>
                <Tag>{t(`schedule.kind.${row.item.kind}`)}</Tag>
                {row.item.kind === 'silence' ? t('schedule.silenceTitle') : row.item.title}
                {isProvince(row.item) && provinceTag}
                {isWithoutAudio(row.item) && noAudioTag}
                {row.item.kind === 'program' && <AudioStateTag hash={row.item.mediaHash} />}
                {isRepeating(row.item) && <Tag color="blue">{t('schedule.repeating')}</Tag>}
                {isNewest?.(row.item) && <Tag color="green">{t('plan.slot.newestTag')}</Tag>}
              </Space>
            ) : (
              <Space wrap>
                <Tag>{t('schedule.kind.program')}</Tag>
                {row.silent.title}
                {provinceTag}
                {noAudioTag}
              </Space>
            ),
        },
        {
          title: t('schedule.column.duration'),
          key: 'duration',
          width: 100,
          render: (_, row) => ('item' in row ? formatDuration(row.item.durationMs) : '—'),
        },
        {
          title: t('schedule.column.priority'),
          key: 'priority',
          width: 130,
          render: (_, row) =>
            'item' in row && (
              <Tag color={priorityColor[row.item.priority]}>{t(`schedule.priority.${row.item.priority}`)}</Tag>
            ),
        },
        {
          title: t('schedule.column.actions'),
          key: 'actions',
          width: 150,
          render: (_, row) =>
            'item' in row && !isProvince(row.item) ? (
              <Space>
                <Tooltip title={t('schedule.moveUp')}>
                  <Button
                    aria-label={t('schedule.moveUp')}
                    icon={<ArrowUpOutlined />}
                    disabled={!canMove(row.index, -1)}
                    onClick={() => onMove(row.index, -1)}
                  />
                </Tooltip>
                <Tooltip title={t('schedule.moveDown')}>
                  <Button
                    aria-label={t('schedule.moveDown')}
                    icon={<ArrowDownOutlined />}
                    disabled={!canMove(row.index, 1)}
                    onClick={() => onMove(row.index, 1)}
                  />
                </Tooltip>
                <Tooltip title={t('schedule.remove')}>
                  <Button
                    aria-label={t('schedule.remove')}
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => onRemove(row.item)}
                  />
                </Tooltip>
              </Space>
            ) : (
              <Tooltip title={t('schedule.province.readOnly')}>{t('schedule.province.byProvince')}</Tooltip>
            ),
        },
      ]}
    />
  )
}
