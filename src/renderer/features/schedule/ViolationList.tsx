/** Policy warnings, one line per real problem (grouped), worded so the officer knows what to change. */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Violation } from '../../../shared/onair/policy'
import type { SessionTemplate } from '../../../shared/onair/session'
import { groupViolations } from './violation-groups'
import { violationText } from './violation-text'

interface ViolationListProps {
  violations: readonly Violation[]
  sessions: readonly SessionTemplate[]
  title: string
  /** The province's name of one of its session keys ("Buổi sáng (morning)"); default: the key. */
  provinceLabel?: (key: string) => string
}

export function ViolationList({ violations, sessions, title, provinceLabel }: ViolationListProps) {
  const { t } = useTranslation()
  if (violations.length === 0) return null
  const groups = groupViolations(violations)
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      message={title}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {groups.map((g, i) => (
            <li key={i}>{violationText(t, g, sessions, provinceLabel)}</li>
          ))}
        </ul>
      }
      style={{ marginBottom: 16 }}
    />
  )
}
