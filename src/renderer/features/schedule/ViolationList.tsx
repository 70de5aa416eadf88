/** Policy warnings, one line each, worded so the officer knows what to change. */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Violation } from '../../../shared/onair/policy'
import type { SessionTemplate } from '../../../shared/onair/session'
import { violationText } from './violation-text'

interface ViolationListProps {
  violations: readonly Violation[]
  sessions: readonly SessionTemplate[]
  title: string
}

export function ViolationList({ violations, sessions, title }: ViolationListProps) {
  const { t } = useTranslation()
  if (violations.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      message={title}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {violations.map((v, i) => (
            <li key={i}>{violationText(t, v, sessions)}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  )
}
