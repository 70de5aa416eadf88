/**
 * One refused change: what it is (named as the officer knows it), why, translated (the province's
 * technical message only on hover), what fixes it — for a schedule's clusters, the picker right
 * here — and "Gửi lại" / "Đã xem".
 */
import { App, Button, List, Space, Typography } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../components/format'
import { appDatabase } from '../../db/database'
import { targetableClusters, type ClusterChoice } from '../../db/queries/schedule-clusters'
import type { RejectionRow } from '../../db/records'
import { fixFor } from '../../sync/app/rejection-fix'
import type { RejectionSubject } from '../../sync/app/rejection-subject'
import { ClusterField } from '../schedule/ClusterField'
import { dmy, fixText, reasonText, subjectText } from './rejection-text'

interface RejectionItemProps {
  row: RejectionRow
  subject: RejectionSubject
  onResend: (row: RejectionRow, clusters?: ClusterChoice) => Promise<void>
  onDismiss: (id: string) => Promise<unknown>
}

export function RejectionItem({ row, subject, onResend, onDismiss }: RejectionItemProps) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const fix = fixFor(row.entity, row.reason)
  const clusters = useLiveQuery(() => targetableClusters(appDatabase()), [])
  const [chosen, setChosen] = useState<ClusterChoice | null>(null)
  const [isSending, setSending] = useState(false)
  const isSchedule = subject.kind === 'schedule'
  const picked = chosen ?? (isSchedule ? subject.clusters : 'all')
  const needsClusters = fix.kind === 'choose-clusters' && isSchedule
  const canResend = fix.resend && !(needsClusters && picked !== 'all' && picked.length === 0)

  const resend = () => {
    setSending(true)
    onResend(row, needsClusters ? picked : undefined)
      .then(
        () => void message.success(t('sync.rejections.resent')),
        () => void message.error(t('sync.rejections.resendFailed')),
      )
      .finally(() => setSending(false))
  }

  return (
    <List.Item
      actions={[
        ...(fix.resend
          ? [
              <Button key="resend" type="primary" loading={isSending} disabled={!canResend} onClick={resend}>
                {t('sync.rejections.resend')}
              </Button>,
            ]
          : []),
        <Button key="dismiss" onClick={() => void onDismiss(row.id)}>
          {t('sync.rejections.dismiss')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={subjectText(t, subject)}
        description={
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text title={row.message}>
              <strong>{t('sync.rejections.reasonLabel')}:</strong> {reasonText(t, row)}
            </Typography.Text>
            <Typography.Text>
              <strong>{t('sync.rejections.whatToDo')}:</strong> {fixText(t, row, subject)}
            </Typography.Text>
            {needsClusters && (
              <ClusterField
                value={picked}
                clusters={clusters ?? []}
                scope={`${subject.sessionLabel}, ${dmy(subject.date)}`}
                onChange={setChosen}
              />
            )}
            <Typography.Text type="secondary">
              {t('sync.rejections.at', { time: formatDateTime(row.at, i18n.language) })}
            </Typography.Text>
          </Space>
        }
      />
    </List.Item>
  )
}
