/** Takes in the media store that never reached the library: file them, or delete them. */
import { Alert, Button, List, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { StoredWavInfo } from '../../../shared/ipc/media'
import { formatDateTime, formatDuration } from '../../components/format'

export interface UnfiledMediaPanelProps {
  items: StoredWavInfo[]
  onFile: (item: StoredWavInfo) => void
  onDelete: (item: StoredWavInfo) => void
}

export function UnfiledMediaPanel({ items, onFile, onDelete }: UnfiledMediaPanelProps) {
  const { t, i18n } = useTranslation()
  if (items.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      role="region"
      aria-label={t('unfiled.title')}
      message={t('unfiled.title')}
      description={
        <>
          <p>{t('unfiled.explain')}</p>
          <List
            dataSource={items}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <Button key="file" type="primary" onClick={() => onFile(item)}>
                    {t('unfiled.file')}
                  </Button>,
                  <Button key="delete" danger onClick={() => onDelete(item)}>
                    {t('unfiled.delete')}
                  </Button>,
                ]}
              >
                <Space direction="vertical" size={0}>
                  <strong>{t('unfiled.item', { time: formatDateTime(item.modifiedAt, i18n.language) })}</strong>
                  <span>{t('unfiled.length', { duration: formatDuration(item.durationMs) })}</span>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  )
}
