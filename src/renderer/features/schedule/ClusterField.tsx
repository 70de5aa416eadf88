/**
 * Which loudspeaker clusters the day's schedule of this session plays on: every cluster of the
 * station (the default, resolved when it is sent) or the officer's choice. The province needs at
 * least one; before the first sync the list is not known yet and "every cluster" is all there is.
 */
import { Alert, Form, Radio, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ClusterChoice } from '../../db/queries/schedule-clusters'
import type { ClusterRow } from '../../db/records'

interface ClusterFieldProps {
  value: ClusterChoice
  clusters: readonly ClusterRow[]
  /** e.g. "Buổi sáng, 24/11/2026": the choice is the whole schedule's, not one item's */
  scope: string
  /** `[]`: "chosen" with none picked yet (the form refuses to save it) */
  onChange: (next: ClusterChoice) => void
}

export function ClusterField({ value, clusters, scope, onChange }: ClusterFieldProps) {
  const { t } = useTranslation()
  const isAll = value === 'all'
  const isEmpty = value !== 'all' && value.length === 0
  return (
    <Form.Item label={t('schedule.clusters.label')} extra={t('schedule.clusters.scope', { scope })}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group
          value={isAll ? 'all' : 'chosen'}
          onChange={(e) => onChange(e.target.value === 'all' ? 'all' : [])}
          options={[
            { value: 'all', label: t('schedule.clusters.all', { count: clusters.length }) },
            { value: 'chosen', label: t('schedule.clusters.chosen'), disabled: clusters.length === 0 },
          ]}
        />
        {!isAll && (
          <Select
            mode="multiple"
            aria-label={t('schedule.clusters.pick')}
            placeholder={t('schedule.clusters.pick')}
            value={value}
            optionFilterProp="label"
            onChange={(ids: string[]) => onChange(ids)}
            options={clusters.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))}
          />
        )}
        {isEmpty && <Alert type="error" showIcon message={t('schedule.clusters.none')} />}
        {clusters.length === 0 && (
          <Typography.Text type="secondary">{t('schedule.clusters.notSyncedYet')}</Typography.Text>
        )}
      </Space>
    </Form.Item>
  )
}
