/** The registry as a table: search by code, name or hamlet; filter by technology and status. */
import { Button, Empty, Flex, Input, Select, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clusterStatusSchema, clusterTechnologySchema } from '../../../shared/reports/report-input'
import type { ClusterWithHistory } from '../../db/queries/clusters'
import { ClusterStatusTag } from './ClusterStatusTag'
import { emptyFilter, filterClusters, formatLocalDateTime, lastEventAt, type ClusterFilter } from './cluster-view'

export interface ClusterTableProps {
  clusters: ClusterWithHistory[] | null
  onOpen(id: string): void
}

export function ClusterTable({ clusters, onOpen }: ClusterTableProps) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<ClusterFilter>(emptyFilter)
  const shown = useMemo(() => filterClusters(clusters ?? [], filter), [clusters, filter])

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          size="large"
          placeholder={t('clusters.search')}
          aria-label={t('clusters.search')}
          value={filter.query}
          onChange={(e) => setFilter({ ...filter, query: e.target.value })}
          style={{ maxWidth: 360 }}
        />
        <Select
          mode="multiple"
          allowClear
          size="large"
          placeholder={t('clusters.filterTechnology')}
          aria-label={t('clusters.filterTechnology')}
          value={filter.technologies}
          onChange={(technologies) => setFilter({ ...filter, technologies })}
          options={clusterTechnologySchema.options.map((v) => ({ value: v, label: t(`clusters.technology.${v}`) }))}
          style={{ minWidth: 240 }}
        />
        <Select
          mode="multiple"
          allowClear
          size="large"
          placeholder={t('clusters.filterStatus')}
          aria-label={t('clusters.filterStatus')}
          value={filter.statuses}
          onChange={(statuses) => setFilter({ ...filter, statuses })}
          options={clusterStatusSchema.options.map((v) => ({ value: v, label: t(`clusters.status.${v}`) }))}
          style={{ minWidth: 240 }}
        />
      </Flex>
      <Table<ClusterWithHistory>
        rowKey={(entry) => entry.cluster.id}
        loading={clusters === null}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t(clusters?.length ? 'clusters.noMatch' : 'clusters.empty')} /> }}
        columns={[
          { title: t('clusters.columns.code'), width: 110, render: (_v, { cluster }) => cluster.code },
          {
            title: t('clusters.columns.name'),
            render: (_v, { cluster }) => <Typography.Text strong>{cluster.name}</Typography.Text>,
          },
          { title: t('clusters.columns.hamlet'), width: 180, render: (_v, { cluster }) => cluster.hamlet },
          {
            title: t('clusters.columns.technology'),
            width: 200,
            render: (_v, { cluster }) => t(`clusters.technology.${cluster.technology}`),
          },
          {
            title: t('clusters.columns.status'),
            width: 150,
            render: (_v, { cluster }) => <ClusterStatusTag status={cluster.status} />,
          },
          {
            title: t('clusters.columns.lastEvent'),
            width: 170,
            render: (_v, entry) => {
              const at = lastEventAt(entry)
              return at === null ? t('clusters.never') : formatLocalDateTime(at)
            },
          },
          {
            title: t('clusters.columns.actions'),
            width: 120,
            render: (_v, { cluster }) => (
              <Button type="link" onClick={() => onOpen(cluster.id)}>
                {t('clusters.details')}
              </Button>
            ),
          },
        ]}
      />
    </>
  )
}
