/** Cụm loa: overview cards, the registry table, the add/edit form and a cluster's drawer. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clusterOverview, DEFAULT_NOT_SEEN_DAYS } from '../../../shared/reports/overview'
import type { ClusterStatus } from '../../../shared/reports/report-input'
import type { ClusterRow } from '../../db/records'
import { ClusterActionModal, type ClusterAction } from './ClusterActionModal'
import { ClusterDrawer } from './ClusterDrawer'
import { ClusterFormModal } from './ClusterFormModal'
import { ClusterOverviewCards } from './ClusterOverviewCards'
import { ClusterTable } from './ClusterTable'
import { overviewInput } from './cluster-view'
import { useClusters } from './useClusters'

type Editing = { cluster: ClusterRow | null } | null

const statusOf: Record<Exclude<ClusterAction, 'maintenance'>, ClusterStatus> = {
  fault: 'faulty',
  repaired: 'working',
  remove: 'removed',
}

export function ClustersPage() {
  const { t } = useTranslation()
  const { clusters, register, edit, setStatus, observe } = useClusters()
  const [editing, setEditing] = useState<Editing>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const [action, setAction] = useState<ClusterAction | null>(null)
  const [notSeenDays, setNotSeenDays] = useState(DEFAULT_NOT_SEEN_DAYS)
  // "Now" is when the screen opened: fresh enough for counting days without an observation.
  const [nowMs] = useState(() => Date.now())
  const overview = useMemo(
    () => clusterOverview(overviewInput(clusters ?? []), { nowMs, notSeenDays }),
    [clusters, notSeenDays, nowMs],
  )
  const open = clusters?.find((c) => c.cluster.id === openId) ?? null

  const act = (a: ClusterAction, note: string) => {
    if (open === null) return Promise.resolve()
    const id = open.cluster.id
    return a === 'maintenance' ? observe(id, 'maintenance', note) : setStatus(id, statusOf[a], note)
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('clusters.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setEditing({ cluster: null })}>
          {t('clusters.add')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('clusters.intro')}
      </Typography.Paragraph>
      <ClusterOverviewCards overview={overview} onNotSeenDaysChange={setNotSeenDays} />
      <ClusterTable clusters={clusters} onOpen={setOpenId} />
      {open && (
        <ClusterDrawer
          entry={open}
          onAction={setAction}
          onEdit={() => setEditing({ cluster: open.cluster })}
          onClose={() => setOpenId(null)}
        />
      )}
      {open && action && (
        <ClusterActionModal
          action={action}
          clusterLabel={open.cluster.code}
          onSubmit={act}
          onClose={() => setAction(null)}
        />
      )}
      {editing && (
        <ClusterFormModal
          editing={editing.cluster}
          onRegister={register}
          onEdit={edit}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  )
}
