/**
 * Thư viện: every announcement with its kind, approval and duration; search and filters; play,
 * edit (Biên tập opens the editor in place), details and approval (a drawer), delete.
 */
import { App, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { errorCodeOf } from '../../bridge/bridge'
import { EditorPage } from '../editor/EditorPage'
import { ImportPanel } from '../import/ImportPanel'
import { categoriesOf, emptyFilter, filterAnnouncements, isFilterActive, type LibraryFilter } from './library-filter'
import { LibraryFilters } from './LibraryFilters'
import { LibraryTable } from './LibraryTable'
import { MetadataDrawer } from './MetadataDrawer'
import { useAppInfo } from './useAppInfo'
import { useLibrary } from './useLibrary'
import { lastApprover } from './validity-dates'

export function LibraryPage() {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const { announcements, remove, rename } = useLibrary()
  const info = useAppInfo()
  const [openId, setOpenId] = useState<string | null>(null)
  const [editingId, setEditingId] = useState<string | null>(null)
  const [detailsId, setDetailsId] = useState<string | null>(null)
  const [filter, setFilter] = useState<LibraryFilter>(emptyFilter)
  const categories = useMemo(() => categoriesOf(announcements ?? []), [announcements])
  const rows = useMemo(
    () => (announcements ? filterAnnouncements(announcements, filter) : null),
    [announcements, filter],
  )

  const confirmDelete = (a: Announcement) =>
    modal.confirm({
      title: t('library.confirmDelete', { title: a.title }),
      content: t('library.confirmDeleteDetail'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove(a).then(
          (done) => done && void message.success(t('library.deleted')),
          (error: unknown) => void message.error(t(`errors.${errorCodeOf(error)}`)),
        ),
    })

  const drawer = (
    <MetadataDrawer
      announcementId={detailsId}
      categories={categories}
      suggestedApprover={lastApprover(announcements ?? [])}
      onClose={() => setDetailsId(null)}
    />
  )
  if (editingId)
    return (
      <>
        <EditorPage announcementId={editingId} onBack={() => setEditingId(null)} onMetadata={setDetailsId} />
        {drawer}
      </>
    )
  return (
    <>
      <Typography.Title level={2}>{t('library.title')}</Typography.Title>
      <ImportPanel />
      <LibraryFilters filter={filter} categories={categories} onChange={setFilter} />
      <LibraryTable
        rows={rows}
        isFiltered={isFilterActive(filter)}
        openId={openId}
        mediaBaseUrl={info?.mediaBaseUrl ?? null}
        onOpen={setOpenId}
        onRename={(id, title) => void rename(id, title)}
        onEdit={setEditingId}
        onDetails={setDetailsId}
        onDelete={confirmDelete}
      />
      {drawer}
    </>
  )
}
