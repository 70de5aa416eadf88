/**
 * Always visible (in the side bar): online or offline, what is still waiting and since when,
 * uploads with the bytes the province confirmed, the last good sync, the last error (translated),
 * "Đồng bộ ngay", a sign-in prompt, and the rejected changes (a drawer).
 */
import { Button, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../components/format'
import type { SyncStatus } from '../../sync/status'
import { RejectionsDrawer } from './RejectionsDrawer'
import { clockSkew, formatAge, formatBytes } from './sync-format'
import { usePendingSummary } from './usePendingSummary'
import { useSyncStatus } from './useSyncStatus'

/** From this many attempts on, the officer is told a change keeps failing to go through. */
const SHOW_ATTEMPTS_FROM = 3

const connectivityColor = { online: 'green', offline: 'red', unknown: 'default' } as const

/** Re-renders every 30 s so "5 minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(id)
  }, [])
  return now
}

/** Said while the laptop's clock is a minute or more away from the province's. */
function ClockWarning({ offsetMs }: { offsetMs: number | null }) {
  const { t } = useTranslation()
  const skew = clockSkew(offsetMs)
  if (!skew) return null
  const text =
    skew.direction === 'behind'
      ? t('sync.status.clockBehind', { minutes: skew.minutes })
      : t('sync.status.clockAhead', { minutes: skew.minutes })
  return (
    <Typography.Text type="warning" role="status">
      {text}
    </Typography.Text>
  )
}

function StatusLines({ status, now }: { status: SyncStatus; now: number }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const live = usePendingSummary()
  const pendingCount = live?.count ?? status.pendingCount
  const oldestPendingAt = live ? live.oldestAt : status.oldestPendingAt
  return (
    <>
      <Typography.Text>
        {t('sync.status.pending', { count: pendingCount })}
        {oldestPendingAt ? ` · ${t('sync.status.oldest', { age: formatAge(oldestPendingAt, now, lang) })}` : ''}
        {live && live.mostAttempts >= SHOW_ATTEMPTS_FROM
          ? ` · ${t('sync.status.attempts', { count: live.mostAttempts })}`
          : ''}
      </Typography.Text>
      {status.pullProgress && (
        <Typography.Text>
          {t(status.pullProgress.kind === 'bootstrap' ? 'sync.status.pullingBootstrap' : 'sync.status.pullingChanges', {
            n: status.pullProgress.records.toLocaleString(lang),
          })}
        </Typography.Text>
      )}
      {status.uploads.map((u) => (
        <Typography.Text key={u.hash}>
          {t('sync.status.uploading', {
            percent: u.totalBytes > 0 ? Math.floor((u.sentBytes / u.totalBytes) * 100) : 0,
            done: formatBytes(u.sentBytes),
            total: formatBytes(u.totalBytes),
          })}
        </Typography.Text>
      ))}
      <Typography.Text type="secondary">
        {status.lastSuccessAt
          ? t('sync.status.lastSuccess', { time: formatDateTime(status.lastSuccessAt, lang) })
          : t('sync.status.never')}
      </Typography.Text>
      <ClockWarning offsetMs={status.serverClockOffsetMs} />
      {status.lastError && (
        <Typography.Text type="danger" title={status.lastError.message}>
          {t('sync.status.lastError')}: {t(`sync.errors.${status.lastError.code}`)}
        </Typography.Text>
      )}
    </>
  )
}

export function SyncStatusBar({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation()
  const { sync, view } = useSyncStatus()
  const [isDrawerOpen, setDrawerOpen] = useState(false)
  const [isSyncing, setSyncing] = useState(false)
  const now = useNow()
  const { status } = view
  const syncNow = () => {
    setSyncing(true)
    void sync.syncNow().finally(() => setSyncing(false))
  }
  return (
    <section aria-label={t('sync.status.region')} style={{ padding: '12px 16px', borderTop: '1px solid #f0f0f0' }}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong>{t('sync.status.region')}</Typography.Text>
        {!view.isConfigured ? (
          <>
            <Tag>{t('sync.status.notConfigured')}</Tag>
            <Button size="small" onClick={onOpenSettings}>
              {t('sync.status.setUp')}
            </Button>
          </>
        ) : (
          <>
            <Tag color={connectivityColor[status.connectivity]}>{t(`sync.status.${status.connectivity}`)}</Tag>
            <StatusLines status={status} now={now} />
            {status.needsSignIn && (
              <Button size="small" danger onClick={onOpenSettings}>
                {t('sync.status.needsSignIn')}
              </Button>
            )}
            {status.rejectedCount > 0 && (
              <Button size="small" onClick={() => setDrawerOpen(true)}>
                {t('sync.status.rejected', { count: status.rejectedCount })}
              </Button>
            )}
            <Button
              type="primary"
              size="small"
              loading={isSyncing || status.phase !== 'idle'}
              disabled={status.needsSignIn}
              onClick={syncNow}
            >
              {t('sync.status.syncNow')}
            </Button>
          </>
        )}
      </Space>
      <RejectionsDrawer isOpen={isDrawerOpen} onClose={() => setDrawerOpen(false)} />
    </section>
  )
}
