import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SessionTemplate } from '../../../shared/onair/session'

/** Xoá buổi: asks first, says what happens to its items. */
export function useRemoveSession(onRemove: (id: string) => Promise<void>, onDone: () => void) {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  return (session: SessionTemplate) =>
    modal.confirm({
      title: t('plan.session.confirmRemove', { label: session.label }),
      content: t('plan.session.confirmRemoveHelp'),
      okText: t('plan.session.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        onRemove(session.id).then(
          () => {
            void message.success(t('plan.session.removed', { label: session.label }))
            onDone()
          },
          () => void message.error(t('schedule.saveFailed')),
        ),
    })
}
