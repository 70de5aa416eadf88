/** The schedule dialogs' save: through `onSave`, then a confirmation and close; a failure keeps the dialog open. */
import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { PastDateError } from '../../../shared/onair/when-guard'

/** `savedText` is the confirmation the officer sees (already translated). */
export function useSaveAndClose<T>(
  onSave: (value: T) => Promise<void>,
  onClose: () => void,
  savedText: string,
): (value: T) => Promise<void> {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return async (value) => {
    try {
      await onSave(value)
      void message.success(savedText)
      onClose()
    } catch (error) {
      void message.error(
        error instanceof PastDateError ? t(`schedule.whenProblem.${error.problem}`) : t('schedule.saveFailed'),
      )
    }
  }
}
