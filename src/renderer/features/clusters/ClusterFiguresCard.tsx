/** One overview card: the working share and counts of a technology, or of all clusters. */
import { Card, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatPercent } from '../../../shared/reports/format'
import type { ClusterFigures } from '../../../shared/reports/report'

export function ClusterFiguresCard({ title, figures }: { title: string; figures: ClusterFigures }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  return (
    <Card size="small" title={title} role="region" aria-label={title}>
      <Statistic title={t('clusters.overview.share')} value={formatPercent(figures.working, figures.inService, lang)} />
      <Typography.Text>
        {t('clusters.overview.working', { working: figures.working, inService: figures.inService })}
      </Typography.Text>
      {figures.faulty > 0 && (
        <Typography.Text type="danger" style={{ display: 'block' }}>
          {t('clusters.overview.faulty', { count: figures.faulty })}
        </Typography.Text>
      )}
      {figures.removed > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('clusters.overview.removed', { count: figures.removed })}
        </Typography.Text>
      )}
    </Card>
  )
}
