/** One cluster: its registry fields, the officer's actions, and its history. */
import { Button, Descriptions, Drawer, Flex, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ClusterWithHistory } from '../../db/queries/clusters'
import type { ClusterAction } from './ClusterActionModal'
import { ClusterHistory } from './ClusterHistory'
import { ClusterStatusTag } from './ClusterStatusTag'

export interface ClusterDrawerProps {
  entry: ClusterWithHistory
  onAction(action: ClusterAction): void
  onEdit(): void
  onClose(): void
}

export function ClusterDrawer({ entry, onAction, onEdit, onClose }: ClusterDrawerProps) {
  const { t } = useTranslation()
  const c = entry.cluster
  const isProvince = c.origin === 'province'
  const dash = (v: string | number | null) => (v === null || v === '' ? '—' : String(v))
  const editButton = (
    <Button size="large" disabled={isProvince} onClick={onEdit}>
      {t('clusters.actions.edit')}
    </Button>
  )
  return (
    <Drawer open width={560} title={`${c.code} · ${c.name}`} onClose={onClose} destroyOnHidden>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {c.status !== 'faulty' && c.status !== 'removed' && (
          <Button size="large" danger type="primary" onClick={() => onAction('fault')}>
            {t('clusters.actions.fault')}
          </Button>
        )}
        {c.status === 'faulty' && (
          <Button size="large" type="primary" onClick={() => onAction('repaired')}>
            {t('clusters.actions.repaired')}
          </Button>
        )}
        <Button size="large" onClick={() => onAction('maintenance')}>
          {t('clusters.actions.maintenance')}
        </Button>
        {c.status !== 'removed' && (
          <Button size="large" onClick={() => onAction('remove')}>
            {t('clusters.actions.remove')}
          </Button>
        )}
        {isProvince ? <Tooltip title={t('clusters.drawer.readOnly')}>{editButton}</Tooltip> : editButton}
      </Flex>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t('clusters.columns.status')}>
          <ClusterStatusTag status={c.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('clusters.drawer.origin')}>
          <Tag>{t(`clusters.origin.${c.origin}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('clusters.columns.hamlet')}>{dash(c.hamlet)}</Descriptions.Item>
        <Descriptions.Item label={t('clusters.columns.technology')}>
          {t(`clusters.technology.${c.technology}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('clusters.form.address')}>{dash(c.address)}</Descriptions.Item>
        <Descriptions.Item label={t('clusters.drawer.coordinates')}>
          {c.latitude === null || c.longitude === null ? '—' : `${c.latitude}, ${c.longitude}`}
        </Descriptions.Item>
        <Descriptions.Item label={t('clusters.form.yearInstalled')}>{dash(c.yearInstalled)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4}>{t('clusters.drawer.history')}</Typography.Title>
      <ClusterHistory events={entry.events} />
    </Drawer>
  )
}
