/**
 * The changes the province refused, each named, with the reason translated, what fixes it and a
 * resend (RejectionItem); "Đã xem" hides one.
 */
import { Drawer, Empty, List } from 'antd'
import { useTranslation } from 'react-i18next'
import { RejectionItem } from './RejectionItem'
import { useRejections, type OpenRejection } from './useRejections'

export function RejectionsDrawer({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { items, dismiss, resend } = useRejections()
  return (
    <Drawer title={t('sync.rejections.title')} open={isOpen} onClose={onClose} width={520}>
      {items && items.length === 0 ? (
        <Empty description={t('sync.rejections.empty')} />
      ) : (
        <List<OpenRejection>
          aria-label={t('sync.rejections.title')}
          loading={items === null}
          dataSource={items ?? []}
          rowKey={(item) => item.row.id}
          renderItem={(item) => (
            <RejectionItem row={item.row} subject={item.subject} onResend={resend} onDismiss={dismiss} />
          )}
        />
      )}
    </Drawer>
  )
}
