/**
 * The details under the state: what is waiting and since when, a pull or uploads under way, the
 * last good sync, a clock warning and the last error. One paragraph per fact, so they never run
 * together ("Chờ gửi: 0Đồng bộ lần cuối…") on screen or for a screen reader.
 */
import { Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../components/useFormat'
import type { SyncStatus } from '../../sync/status'
import { ClockWarning } from './ClockWarning'
import { formatAge } from './sync-format'
import { usePendingSummary } from './usePendingSummary'

/** From this many attempts on, the officer is told a change keeps failing to go through. */
const SHOW_ATTEMPTS_FROM = 3

function Line({ children, type }: { children: ReactNode; type?: 'secondary' | 'danger' }) {
  return (
    <Typography.Paragraph type={type} style={{ margin: 0 }}>
      {children}
    </Typography.Paragraph>
  )
}

export function SyncStatusLines({ status, now }: { status: SyncStatus; now: number }) {
  const { t } = useTranslation()
  const f = useFormat()
  const live = usePendingSummary()
  const pendingCount = live?.count ?? status.pendingCount
  const oldestPendingAt = live ? live.oldestAt : status.oldestPendingAt
  const pending = [
    t('sync.status.pending', { count: pendingCount }),
    oldestPendingAt ? t('sync.status.oldest', { age: formatAge(oldestPendingAt, now, f.language) }) : null,
    live && live.mostAttempts >= SHOW_ATTEMPTS_FROM ? t('sync.status.attempts', { count: live.mostAttempts }) : null,
  ]
  return (
    <>
      <Line>{pending.filter((part) => part !== null).join(' · ')}</Line>
      {status.pullProgress && (
        <Line>
          {t(status.pullProgress.kind === 'bootstrap' ? 'sync.status.pullingBootstrap' : 'sync.status.pullingChanges', {
            n: f.number(status.pullProgress.records),
          })}
        </Line>
      )}
      {status.uploads.map((u) => (
        <Line key={u.hash}>
          {t('sync.status.uploading', {
            percent: u.totalBytes > 0 ? Math.floor((u.sentBytes / u.totalBytes) * 100) : 0,
            done: f.bytes(u.sentBytes),
            total: f.bytes(u.totalBytes),
          })}
        </Line>
      ))}
      <Line type="secondary">
        {status.lastSuccessAt
          ? t('sync.status.lastSuccess', { time: f.dateTime(status.lastSuccessAt) })
          : t('sync.status.never')}
      </Line>
      <ClockWarning offsetMs={status.serverClockOffsetMs} />
      {status.lastError && (
        <Line type="danger">
          <span title={status.lastError.message}>
            {t('sync.status.lastError')}: {t(`sync.errors.${status.lastError.code}`)}
          </span>
        </Line>
      )}
    </>
  )
}
