/** One record's place in sync: only on this computer / uploading 45 % / on the province / rejected. */
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SyncBadge } from '../../sync/app/item-badge'
import { reasonKey } from './sync-format'

const colors = {
  'only-local': 'default',
  uploading: 'processing',
  'on-province': 'success',
  rejected: 'error',
} as const

export function SyncBadgeTag({ badge }: { badge: SyncBadge | null }) {
  const { t } = useTranslation()
  if (!badge) return null
  const label =
    badge.kind === 'uploading' ? t('sync.badge.uploading', { percent: badge.percent }) : t(`sync.badge.${badge.kind}`)
  const tag = <Tag color={colors[badge.kind]}>{label}</Tag>
  if (badge.kind !== 'rejected') return tag
  return <Tooltip title={t(`sync.rejections.reasons.${reasonKey(badge.reason)}`)}>{tag}</Tooltip>
}
