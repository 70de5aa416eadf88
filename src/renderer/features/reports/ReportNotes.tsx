/** What the figures leave out or point at: hamlets without service, entries not counted as time. */
import { Alert, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StationReport } from '../../../shared/reports/report'

export function ReportNotes({ report }: { report: StationReport }) {
  const { t } = useTranslation()
  const { clusters, log } = report
  return (
    <>
      {clusters.hamletsWithoutWorking.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('reports.notes.hamlets', { hamlets: clusters.hamletsWithoutWorking.join(', ') })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Typography.Paragraph type="secondary">
        {t('reports.notes.log', {
          broadcasts: log.broadcasts,
          interrupted: log.interrupted,
          skipped: log.skipped,
          failed: log.failed,
          missing: log.missingTimes,
        })}
      </Typography.Paragraph>
      {clusters.withoutHistory > 0 && (
        <Typography.Paragraph type="secondary">
          {t('reports.notes.withoutHistory', { count: clusters.withoutHistory })}
        </Typography.Paragraph>
      )}
    </>
  )
}
