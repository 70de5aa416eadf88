/** Thư viện: every announcement with its duration and creation time; play, delete. */
import { App, Button, Empty, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { errorCodeOf } from '../../bridge/bridge'
import { formatDateTime, formatDuration } from '../../components/format'
import { AnnouncementPlayer } from './AnnouncementPlayer'
import { useAppInfo } from './useAppInfo'
import { useLibrary } from './useLibrary'

export function LibraryPage() {
  const { t, i18n } = useTranslation()
  const { modal, message } = App.useApp()
  const { announcements, remove, rename } = useLibrary()
  const info = useAppInfo()
  const [openId, setOpenId] = useState<string | null>(null)

  const confirmDelete = (a: Announcement) =>
    modal.confirm({
      title: t('library.confirmDelete', { title: a.title }),
      content: t('library.confirmDeleteDetail'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove(a).then(
          () => void message.success(t('library.deleted')),
          (error: unknown) => void message.error(t(`errors.${errorCodeOf(error)}`)),
        ),
    })

  return (
    <>
      <Typography.Title level={2}>{t('library.title')}</Typography.Title>
      <Table<Announcement>
        rowKey="id"
        loading={announcements === null}
        dataSource={announcements ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('library.empty')} /> }}
        expandable={{
          expandedRowKeys: openId ? [openId] : [],
          onExpand: (open, row) => setOpenId(open ? row.id : null),
          expandedRowRender: (row) =>
            info ? <AnnouncementPlayer announcement={row} mediaBaseUrl={info.mediaBaseUrl} /> : null,
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
                    if (clean && clean !== title) void rename(row.id, clean)
                  },
                }}
              >
                {title}
              </Typography.Text>
            ),
          },
          {
            title: t('library.columns.duration'),
            dataIndex: 'durationMs',
            width: 120,
            render: (ms: number) => formatDuration(ms),
          },
          {
            title: t('library.columns.createdAt'),
            dataIndex: 'createdAt',
            width: 220,
            render: (iso: string) => formatDateTime(iso, i18n.language),
          },
          {
            title: t('library.columns.actions'),
            width: 200,
            render: (_v, row) => (
              <>
                <Button type="link" onClick={() => setOpenId(openId === row.id ? null : row.id)}>
                  {t('library.listen')}
                </Button>
                <Button type="link" danger onClick={() => confirmDelete(row)}>
                  {t('common.delete')}
                </Button>
              </>
            ),
          },
        ]}
      />
    </>
  )
}
