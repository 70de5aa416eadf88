/**
 * The library's table: title (renamable, the widest column), kind, approval and sync state, on-air
 * duration, created; listen, edit, details, delete. Fixed columns sum to about 760 px, so at 1366 px
 * the title keeps about 330 px and a long Vietnamese title wraps by words, not by syllables.
 */
import { Empty, Flex, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { useFormat } from '../../components/useFormat'
import { AnnouncementPlayer } from './AnnouncementPlayer'
import { LibraryRowActions } from './LibraryRowActions'
import { approvalColors } from './ApprovalPanel'
import { SyncBadgeTag } from '../sync/SyncBadgeTag'
import { useSyncBadges } from '../sync/useSyncBadges'
import { airDurationMs } from '../../db/queries/renditions'

export interface LibraryTableProps {
  rows: Announcement[] | null
  isFiltered: boolean
  openId: string | null
  mediaBaseUrl: string | null
  onOpen: (id: string | null) => void
  onRename: (id: string, title: string) => void
  onEdit: (id: string) => void
  onDetails: (id: string) => void
  onDelete: (row: Announcement) => void
}

export function LibraryTable(p: LibraryTableProps) {
  const { t } = useTranslation()
  const f = useFormat()
  const { openId } = p
  const syncBadge = useSyncBadges()
  return (
    <Table<Announcement>
      rowKey="id"
      loading={p.rows === null}
      dataSource={p.rows ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={p.isFiltered ? t('editor.filters.noMatch') : t('library.empty')} /> }}
      expandable={{
        expandedRowKeys: openId ? [openId] : [],
        onExpand: (open, row) => p.onOpen(open ? row.id : null),
        expandedRowRender: (row) =>
          p.mediaBaseUrl ? <AnnouncementPlayer announcement={row} mediaBaseUrl={p.mediaBaseUrl} /> : null,
      }}
      columns={[
        {
          title: t('library.columns.title'),
          dataIndex: 'title',
          render: (title: string, row) => (
            <Typography.Text
              editable={{
                tooltip: t('library.rename'),
                text: title,
                maxLength: 300,
                onChange: (next) => {
                  const clean = next.trim()
                  if (clean && clean !== title) p.onRename(row.id, clean)
                },
              }}
            >
              {title}
            </Typography.Text>
          ),
        },
        {
          title: t('editor.columns.kind'),
          dataIndex: 'kind',
          width: 110,
          render: (_v, row) => t(`editor.kinds.${row.kind}`),
        },
        {
          title: t('library.columns.status'),
          key: 'status',
          width: 175,
          render: (_v, row) => (
            <Flex vertical align="start" gap={4}>
              <Tag color={approvalColors[row.approval]}>{t(`editor.approvalStates.${row.approval}`)}</Tag>
              <SyncBadgeTag badge={syncBadge(row)} />
            </Flex>
          ),
        },
        {
          title: t('library.columns.duration'),
          dataIndex: 'durationMs',
          width: 110,
          render: (_ms: number, row) => f.duration(airDurationMs(row)),
        },
        {
          title: t('library.columns.createdAt'),
          dataIndex: 'createdAt',
          width: 125,
          // Date over time: "08/12/2026" / "05:30", so the column stays narrow.
          render: (iso: string) => (
            <Flex vertical>
              <span>{f.date(iso)}</span>
              <Typography.Text type="secondary">{f.time(iso)}</Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('library.columns.actions'),
          key: 'actions',
          width: 200,
          render: (_v, row) => (
            <LibraryRowActions
              isOpen={openId === row.id}
              onListen={() => p.onOpen(openId === row.id ? null : row.id)}
              onEdit={() => p.onEdit(row.id)}
              onDetails={() => p.onDetails(row.id)}
              onDelete={() => p.onDelete(row)}
            />
          ),
        },
      ]}
    />
  )
}
