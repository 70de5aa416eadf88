/** Runs automatic playout for the whole window (renders nothing); a failure is shown once. */
import { App } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useAutomaticPlayout } from './useAutomaticPlayout'

export function AutomaticPlayout() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const onError = useCallback(
    (error: unknown) => {
      console.error('onair: automatic playout failed', error)
      void message.error(t('onair.auto.failed'))
    },
    [message, t],
  )
  useAutomaticPlayout(onError)
  return null
}
