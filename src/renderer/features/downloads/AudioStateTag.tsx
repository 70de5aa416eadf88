/**
 * A province programme's audio on this computer: here, downloading n %, waiting, or failed with
 * the reason (from main's download service, `downloads:changed`). Nothing for a file the service
 * does not know (the station's own audio).
 */
import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePrefetch } from './prefetch-context'

const COLOR = { present: 'green', downloading: 'processing', waiting: 'default', failed: 'red' } as const

export function AudioStateTag({ hash }: { hash: string | null }) {
  const { t } = useTranslation()
  const prefetch = usePrefetch()
  const state = hash === null ? undefined : prefetch?.view.states.get(hash)
  if (!state) return null
  const percent = state.sizeBytes ? Math.floor((state.receivedBytes / state.sizeBytes) * 100) : 0
  const reason = state.reason ? t(`sync.audio.reason.${state.reason}`) : ''
  const label =
    state.state === 'failed'
      ? t('sync.audio.state.failed', { reason })
      : t(`sync.audio.state.${state.state}`, { percent })
  return (
    <Tooltip title={reason || undefined}>
      <Tag color={COLOR[state.state]} data-testid="audio-state" data-state={state.state}>
        {label}
      </Tag>
    </Tooltip>
  )
}
