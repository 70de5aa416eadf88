/** A device's live health as a coloured tag; the technical detail is in the tooltip. */
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DeviceStatusEvent } from '../../../shared/ipc/hardware'

const COLORS: Record<DeviceStatusEvent['state'], string> = {
  connecting: 'processing',
  online: 'success',
  unresponsive: 'warning',
  disconnected: 'error',
  stopped: 'default',
  alarm: 'error',
}

export function DeviceStatusTag({ status }: { status: DeviceStatusEvent }) {
  const { t } = useTranslation()
  const retry =
    status.retryInMs !== undefined ? t('hardware.status.retryIn', { seconds: Math.ceil(status.retryInMs / 1000) }) : ''
  const tip = [status.detail, retry].filter(Boolean).join(' · ')
  const tag = (
    <Tag color={COLORS[status.state]} style={{ fontSize: 15, padding: '2px 10px' }}>
      {t(`hardware.status.${status.state}`)}
    </Tag>
  )
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag
}
