/** A cluster's status as a coloured tag. */
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ClusterStatus } from '../../../shared/reports/report-input'

const COLORS: Record<ClusterStatus, string> = { working: 'success', faulty: 'error', removed: 'default' }

export function ClusterStatusTag({ status }: { status: ClusterStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLORS[status]} style={{ fontSize: 15, padding: '2px 10px' }}>
      {t(`clusters.status.${status}`)}
    </Tag>
  )
}
