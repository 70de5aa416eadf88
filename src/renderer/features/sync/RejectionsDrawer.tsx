/** The changes the province refused: what, why, and what the officer can do; "seen" hides one. */
import { Button, Drawer, Empty, List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../components/format'
import { adviceFor, reasonKey } from './sync-format'
import { useRejections } from './useRejections'

const ENTITIES = new Set(['announcement', 'schedule', 'station', 'playLog', 'deviceEvent'])

export function RejectionsDrawer({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const { rows, dismiss } = useRejections()
  return (
    <Drawer title={t('sync.rejections.title')} open={isOpen} onClose={onClose} width={480}>
      {rows && rows.length === 0 ? (
        <Empty description={t('sync.rejections.empty')} />
      ) : (
        <List
          loading={rows === null}
          dataSource={rows ?? []}
          renderItem={(row) => (
            <List.Item
              actions={[
                <Button key="dismiss" onClick={() => void dismiss(row.id)}>
                  {t('sync.rejections.dismiss')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={t(`sync.rejections.entity.${row.entity && ENTITIES.has(row.entity) ? row.entity : 'other'}`)}
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      <strong>{t('sync.rejections.reasonLabel')}:</strong>{' '}
                      {t(`sync.rejections.reasons.${reasonKey(row.reason)}`)}
                      {row.message ? ` (${row.message})` : ''}
                    </Typography.Paragraph>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      <strong>{t('sync.rejections.whatToDo')}:</strong>{' '}
                      {t(`sync.rejections.advice.${adviceFor(row.reason)}`)}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">
                      {t('sync.rejections.at', { time: formatDateTime(row.at, i18n.language) })}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  )
}
