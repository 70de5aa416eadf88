/** Approval: draft → awaiting approval → approved, with who approved and when. */
import { App, Button, Input, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { formatDateTime } from '../../components/format'
import { AnnouncementError } from '../../db/queries/announcements'
import { useRole } from '../roles/useRole'

export interface ApprovalPanelProps {
  announcement: Announcement
  suggestedApprover: string
  onSubmit: () => Promise<unknown> | null
  onApprove: (approver: string) => Promise<unknown> | null
  onDraft: () => Promise<unknown> | null
}

export const approvalColors = { draft: 'default', 'awaiting-approval': 'gold', approved: 'green' } as const

export function ApprovalPanel({
  announcement: a,
  suggestedApprover,
  onSubmit,
  onApprove,
  onDraft,
}: ApprovalPanelProps) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [approver, setApprover] = useState(suggestedApprover)
  // With local roles on, the approver is whoever main confirms (PIN), not a typed name.
  const isNamedByRole = useRole().state?.isEnabled === true
  // Submitting and approving first render the audio that airs (a moment for a long take).
  const [isBusy, setBusy] = useState(false)
  const run = (action: Promise<unknown> | null) => {
    if (!action) return
    setBusy(true)
    void action
      .catch((error: unknown) =>
        message.error(t(error instanceof AnnouncementError ? `editor.errors.${error.code}` : 'editor.approval.failed')),
      )
      .finally(() => setBusy(false))
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text strong>{t('editor.approval.state')}</Typography.Text>
        <Tag color={approvalColors[a.approval]}>{t(`editor.approvalStates.${a.approval}`)}</Tag>
      </Space>
      {a.approval === 'approved' && a.approvedBy && a.approvedAt && (
        <Typography.Text>
          {t('editor.approval.approvedBy', { name: a.approvedBy, at: formatDateTime(a.approvedAt, i18n.language) })}
        </Typography.Text>
      )}
      {a.approval === 'draft' && (
        <Button loading={isBusy} onClick={() => run(onSubmit())}>
          {t('editor.approval.submit')}
        </Button>
      )}
      {a.approval === 'awaiting-approval' && (
        <Space.Compact style={{ width: '100%' }}>
          {!isNamedByRole && (
            <Input
              aria-label={t('editor.approval.approver')}
              placeholder={t('editor.approval.approver')}
              value={approver}
              maxLength={200}
              onChange={(e) => setApprover(e.target.value)}
            />
          )}
          <Button
            type="primary"
            loading={isBusy}
            disabled={!isNamedByRole && !approver.trim()}
            onClick={() => run(onApprove(approver))}
          >
            {t('editor.approval.approve')}
          </Button>
        </Space.Compact>
      )}
      {a.approval !== 'draft' && <Button onClick={() => run(onDraft())}>{t('editor.approval.toDraft')}</Button>}
    </Space>
  )
}
