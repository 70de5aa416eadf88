/** The library's table: title (renamable), kind, approval, on-air duration, created; listen, edit, details, delete. */
import { Button, Empty, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { formatDateTime, formatDuration } from '../../components/format'
import { AnnouncementPlayer } from './AnnouncementPlayer'
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
  const { t, i18n } = useTranslation()
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
          width: 130,
          render: (_v, row) => t(`editor.kinds.${row.kind}`),
        },
        {
          title: t('editor.columns.approval'),
          dataIndex: 'approval',
          width: 150,
          render: (_v, row) => (
            <Tag color={approvalColors[row.approval]}>{t(`editor.approvalStates.${row.approval}`)}</Tag>
          ),
        },
        {
          title: t('sync.badge.column'),
          key: 'sync',
          width: 170,
          render: (_v, row) => <SyncBadgeTag badge={syncBadge(row)} />,
        },
        {
          title: t('library.columns.duration'),
          dataIndex: 'durationMs',
          width: 110,
          render: (_ms: number, row) => formatDuration(airDurationMs(row)),
        },
        {
          title: t('library.columns.createdAt'),
          dataIndex: 'createdAt',
          width: 200,
          render: (iso: string) => formatDateTime(iso, i18n.language),
        },
        {
          title: t('library.columns.actions'),
          width: 320,
          render: (_v, row) => (
            <>
              <Button type="link" onClick={() => p.onOpen(openId === row.id ? null : row.id)}>
                {t('library.listen')}
              </Button>
              <Button type="link" onClick={() => p.onEdit(row.id)}>
                {t('editor.open')}
              </Button>
              <Button type="link" onClick={() => p.onDetails(row.id)}>
                {t('editor.metadata.open')}
              </Button>
              <Button type="link" danger onClick={() => p.onDelete(row)}>
                {t('common.delete')}
              </Button>
            </>
          ),
        },
      ]}
    />
  )
}
