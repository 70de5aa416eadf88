/**
 * The overview above the table: per technology and in all, how many clusters work out of those
 * in service and the share; hamlets with no working cluster; clusters nobody reported on lately.
 */
import { Col, Flex, InputNumber, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ClusterOverview } from '../../../shared/reports/overview'
import { ClusterFiguresCard } from './ClusterFiguresCard'
import { NameListCard } from './NameListCard'

export interface ClusterOverviewCardsProps {
  overview: ClusterOverview
  onNotSeenDaysChange(days: number): void
}

export function ClusterOverviewCards({ overview, onNotSeenDaysChange }: ClusterOverviewCardsProps) {
  const { t } = useTranslation()
  const notSeenNames = overview.notSeen.map((c) =>
    c.daysSince === null
      ? t('clusters.overview.neverSeen', { code: c.code, name: c.name })
      : t('clusters.overview.seenDaysAgo', { code: c.code, name: c.name, days: c.daysSince }),
  )
  const daysInput = (
    <Flex align="center" gap={4}>
      <InputNumber
        min={1}
        max={365}
        value={overview.notSeenDays}
        onChange={(v) => v !== null && onNotSeenDaysChange(v)}
        aria-label={t('clusters.overview.notSeenDays')}
        style={{ width: 72 }}
      />
      <Typography.Text>{t('clusters.overview.days')}</Typography.Text>
    </Flex>
  )
  return (
    <Flex vertical gap={16} style={{ marginBottom: 24 }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <ClusterFiguresCard title={t('clusters.overview.all')} figures={overview.all} />
        </Col>
        {overview.byTechnology.map((tech) => (
          <Col xs={24} md={6} key={tech.technology}>
            <ClusterFiguresCard title={t(`clusters.technology.${tech.technology}`)} figures={tech} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <NameListCard title={t('clusters.overview.hamletsWithoutWorking')} names={overview.hamletsWithoutWorking} />
        </Col>
        <Col xs={24} md={12}>
          <NameListCard title={t('clusters.overview.notSeen')} names={notSeenNames} extra={daysInput} />
        </Col>
      </Row>
    </Flex>
  )
}
