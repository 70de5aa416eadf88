/**
 * Always visible (in the side bar): the state of the link to the province named for what it is
 * (sync-state.ts), what is still waiting and since when, uploads with the bytes the province
 * confirmed, the last good sync, the last error (translated), "Đồng bộ ngay", a sign-in prompt,
 * and the rejected changes (a drawer).
 */
import { Button, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ContentCoverage } from '../downloads/ContentCoverage'
import { RejectionsDrawer } from './RejectionsDrawer'
import { SignInPrompt } from './SignInPrompt'
import { deriveSyncState, syncStateColor } from './sync-state'
import { SyncStatusLines } from './SyncStatusLines'
import { useSyncStatus } from './useSyncStatus'

/** Re-renders every 30 s so "5 minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(id)
  }, [])
  return now
}

export function SyncStatusBar({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation()
  const { sync, view } = useSyncStatus()
  const [isDrawerOpen, setDrawerOpen] = useState(false)
  const [isSyncing, setSyncing] = useState(false)
  const now = useNow()
  const { status } = view
  const { state, signIn } = deriveSyncState(view)
  const isWorking = state !== 'not-set-up' && state !== 'loading' && state !== 'signed-out'
  const syncNow = () => {
    setSyncing(true)
    void sync.syncNow().finally(() => setSyncing(false))
  }
  return (
    <section aria-label={t('sync.status.region')} style={{ padding: '12px 16px', borderTop: '1px solid #f0f0f0' }}>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong>{t('sync.status.region')}</Typography.Text>
        <div role="status" aria-label={t('sync.state.label')}>
          <Tag color={syncStateColor[state]} style={{ whiteSpace: 'normal' }}>
            {t(`sync.state.${state}`)}
          </Tag>
        </div>
        {state === 'not-set-up' && (
          <Button size="small" onClick={onOpenSettings}>
            {t('sync.status.setUp')}
          </Button>
        )}
        {signIn && <SignInPrompt kind={signIn} onOpenSettings={onOpenSettings} />}
        {view.isConfigured && <SyncStatusLines status={status} now={now} />}
        {view.isConfigured && <ContentCoverage />}
        {status.rejectedCount > 0 && (
          <Button size="small" onClick={() => setDrawerOpen(true)}>
            {t('sync.status.rejected', { count: status.rejectedCount })}
          </Button>
        )}
        {isWorking && (
          <Button type="primary" size="small" loading={isSyncing || state === 'syncing'} onClick={syncNow}>
            {t('sync.status.syncNow')}
          </Button>
        )}
      </Space>
      <RejectionsDrawer isOpen={isDrawerOpen} onClose={() => setDrawerOpen(false)} />
    </section>
  )
}
