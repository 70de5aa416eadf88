/** Thông tin và duyệt: the metadata form and the approval steps for one announcement, in a drawer. */
import { Divider, Drawer } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApprovalPanel } from './ApprovalPanel'
import { MetadataForm } from './MetadataForm'
import { useAnnouncementMetadata } from './useAnnouncementMetadata'

export interface MetadataDrawerProps {
  announcementId: string | null
  categories: string[]
  suggestedApprover: string
  onClose: () => void
}

export function MetadataDrawer({ announcementId, categories, suggestedApprover, onClose }: MetadataDrawerProps) {
  const { t } = useTranslation()
  const m = useAnnouncementMetadata(announcementId)
  const a = m.announcement
  return (
    <Drawer open={announcementId !== null} onClose={onClose} title={t('editor.metadata.drawerTitle')} size={480}>
      {a && (
        <>
          <MetadataForm key={a.id} announcement={a} categories={categories} onSave={m.save} />
          <Divider />
          <ApprovalPanel
            key={`${a.id}-approval`}
            announcement={a}
            suggestedApprover={suggestedApprover}
            onSubmit={m.submit}
            onApprove={m.approve}
            onDraft={m.toDraft}
          />
        </>
      )}
    </Drawer>
  )
}
