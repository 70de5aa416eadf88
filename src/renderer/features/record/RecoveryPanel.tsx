/** Offers back recordings that were cut short, with what was saved of each. */
import { Alert, Button, List, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { InterruptedRecording } from '../../../shared/ipc/recording'
import { formatDateTime, formatDuration } from '../../components/format'

export interface RecoveryPanelProps {
  items: InterruptedRecording[]
  onRecover: (item: InterruptedRecording) => void
  onDiscard: (item: InterruptedRecording) => void
}

export function RecoveryPanel({ items, onRecover, onDiscard }: RecoveryPanelProps) {
  const { t, i18n } = useTranslation()
  if (items.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      role="region"
      aria-label={t('recovery.title')}
      message={t('recovery.title')}
      description={
        <List
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Button key="recover" type="primary" onClick={() => onRecover(item)}>
                  {t('recovery.recover')}
                </Button>,
                <Button key="discard" danger onClick={() => onDiscard(item)}>
                  {t('recovery.discard')}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={0}>
                <strong>{item.title || t('recovery.untitled')}</strong>
                <span>
                  {t('recovery.detail', {
                    start: formatDateTime(item.startedAt, i18n.language),
                    duration: formatDuration(item.durationMs),
                  })}
                </span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  )
}
