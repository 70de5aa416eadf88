/**
 * "Lưu vào thư viện" under the export: the kind the announcement gets (tin by default), the button,
 * and what happened — saved, or already in the library — with a button that opens the
 * announcement's details and approval (the library's own drawer).
 */
import { Alert, Button, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { contentKindSchema, type ContentKind } from '../../../shared/model/common'
import type { SavedToLibrary } from '../../db/queries/bulletins'

export interface LibrarySaveBarProps {
  isRendered: boolean
  isBusy: boolean
  saved: SavedToLibrary | null
  problem: string | null
  onSave: (kind: ContentKind) => void
  onOpen: (announcement: Announcement) => void
}

export function LibrarySaveBar({ isRendered, isBusy, saved, problem, onSave, onOpen }: LibrarySaveBarProps) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<ContentKind>('news')
  const open = saved && (
    <Button size="small" onClick={() => onOpen(saved.announcement)}>
      {t('bulletins.library.open')}
    </Button>
  )
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Select
          aria-label={t('bulletins.library.kind')}
          value={kind}
          onChange={setKind}
          options={contentKindSchema.options.map((k) => ({ value: k, label: t(`editor.kinds.${k}`) }))}
          style={{ width: 160 }}
        />
        <Button disabled={!isRendered || isBusy} loading={isBusy} onClick={() => onSave(kind)}>
          {t('bulletins.library.save')}
        </Button>
      </Space>
      {!isRendered && <Typography.Text type="secondary">{t('bulletins.library.renderFirst')}</Typography.Text>}
      {saved && (
        <Alert
          type={saved.isNew ? 'success' : 'info'}
          showIcon
          message={t(saved.isNew ? 'bulletins.library.saved' : 'bulletins.library.already', {
            title: saved.announcement.title,
          })}
          action={open}
        />
      )}
      {problem && <Alert type="error" showIcon role="alert" message={t(problem)} />}
    </Space>
  )
}
