/** Before a template or a copy is applied: how many sessions it writes, what it replaces, which days are over. */
import { Alert, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FillMode } from '../../../shared/onair/fill'
import type { SessionTemplate } from '../../../shared/onair/session'
import { formatLocalDate } from '../../../shared/format/display'
import type { FillPlan } from '../../db/queries/schedule-fill'

interface FillPreviewProps {
  plan: FillPlan | null
  mode: FillMode
  sessions: readonly SessionTemplate[]
}

export function FillPreview({ plan, mode, sessions }: FillPreviewProps) {
  const { t } = useTranslation()
  if (!plan) return <Spin size="small" />
  const label = (id: string): string => sessions.find((s) => s.id === id)?.label ?? id
  return (
    <div aria-live="polite">
      <Typography.Paragraph>
        {plan.writes.length === 0 ? t('plan.preview.nothing') : t('plan.preview.writes', { count: plan.writes.length })}
      </Typography.Paragraph>
      {plan.conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(`plan.preview.${mode}`, { count: plan.conflicts.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {plan.conflicts.map((c) => (
                <li key={`${c.date}|${c.sessionId}`}>
                  {t('plan.preview.conflict', {
                    date: formatLocalDate(c.date),
                    session: label(c.sessionId),
                    count: c.count,
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {plan.past.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t('plan.preview.past', { dates: plan.past.map(formatLocalDate).join(', ') })}
        />
      )}
    </div>
  )
}
