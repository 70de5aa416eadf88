/** The window: a side menu of screens, in the officer's language, with antd's matching locale. */
import {
  ApiOutlined,
  AuditOutlined,
  AudioOutlined,
  CalendarOutlined,
  BarChartOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ReadOutlined,
  SettingOutlined,
  SoundOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import { App as AntApp, ConfigProvider, Layout, Menu, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bridge } from '../bridge/bridge'
import { BulletinsPage } from '../features/bulletins/BulletinsPage'
import { ClustersPage } from '../features/clusters/ClustersPage'
import { EmergencyBanner } from '../features/emergency/EmergencyBanner'
import { HardwarePage } from '../features/hardware/HardwarePage'
import { OperationLogPage } from '../features/oplog/OperationLogPage'
import { RolesProvider } from '../features/roles/RolesProvider'
import { LibraryPage } from '../features/library/LibraryPage'
import { AutomaticPlayout } from '../features/onair/AutomaticPlayout'
import { OnAirPage } from '../features/onair/OnAirPage'
import { RecordPage } from '../features/record/RecordPage'
import { SchedulePage } from '../features/schedule/SchedulePage'
import { ReportsPage } from '../features/reports/ReportsPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { SyncProvider } from '../features/sync/SyncProvider'
import { PrefetchProvider } from '../features/downloads/PrefetchProvider'
import { SyncStatusBar } from '../features/sync/SyncStatusBar'
import { TtsPage } from '../features/tts/TtsPage'
import { antdLocale } from '../i18n/date-locale'
import { PreferencesProvider } from './PreferencesContext'
import { appTheme } from './theme'

type Screen =
  | 'record'
  | 'library'
  | 'hardware'
  | 'settings'
  | 'onair'
  | 'clusters'
  | 'reports'
  | 'tts'
  | 'bulletins'
  | 'schedule'
  | 'oplog'

const menuActions: Record<string, Screen> = {
  'open-record': 'record',
  'open-library': 'library',
  'open-settings': 'settings',
  'open-hardware': 'hardware',
  'open-clusters': 'clusters',
  'open-reports': 'reports',
}

export function App() {
  const { t, i18n } = useTranslation()
  const [screen, setScreen] = useState<Screen>('record')
  useEffect(() => bridge.on('app:menu', ({ action }) => setScreen(menuActions[action] ?? 'record')), [])

  return (
    <ConfigProvider locale={antdLocale(i18n.language)} theme={appTheme}>
      <AntApp>
        <PreferencesProvider>
          <RolesProvider>
            <AutomaticPlayout />
            <EmergencyBanner />
            <SyncProvider>
              <PrefetchProvider>
                <Layout style={{ minHeight: '100vh' }}>
                  <Layout.Sider
                    width={220}
                    theme="light"
                    // Sticky: the menu and the sync status stay in view however long the screen is.
                    style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
                  >
                    <Typography.Title level={3} style={{ padding: '16px 24px', margin: 0 }}>
                      {t('app.name')}
                    </Typography.Title>
                    <Menu
                      mode="inline"
                      selectedKeys={[screen]}
                      onClick={({ key }) => setScreen(key as Screen)}
                      items={[
                        { key: 'record', icon: <AudioOutlined />, label: t('nav.record') },
                        { key: 'library', icon: <UnorderedListOutlined />, label: t('nav.library') },
                        { key: 'tts', icon: <ReadOutlined />, label: t('tts.nav') },
                        { key: 'bulletins', icon: <OrderedListOutlined />, label: t('bulletins.nav') },
                        { key: 'schedule', icon: <CalendarOutlined />, label: t('schedule.nav') },
                        { key: 'onair', icon: <SoundOutlined />, label: t('onair.nav') },
                        { key: 'hardware', icon: <ApiOutlined />, label: t('nav.hardware') },
                        { key: 'clusters', icon: <NotificationOutlined />, label: t('clusters.nav') },
                        { key: 'reports', icon: <BarChartOutlined />, label: t('reports.nav') },
                        { key: 'oplog', icon: <AuditOutlined />, label: t('oplog.nav') },
                        { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
                      ]}
                    />
                    <SyncStatusBar onOpenSettings={() => setScreen('settings')} />
                  </Layout.Sider>
                  <Layout.Content style={{ padding: 24 }}>
                    {screen === 'record' && <RecordPage onSaved={() => setScreen('library')} />}
                    {screen === 'library' && <LibraryPage />}
                    {screen === 'tts' && <TtsPage onCreated={() => setScreen('library')} />}
                    {screen === 'bulletins' && <BulletinsPage />}
                    {screen === 'hardware' && <HardwarePage />}
                    {screen === 'schedule' && <SchedulePage />}
                    {screen === 'onair' && <OnAirPage />}
                    {screen === 'clusters' && <ClustersPage />}
                    {screen === 'reports' && <ReportsPage />}
                    {screen === 'oplog' && <OperationLogPage />}
                    {screen === 'settings' && <SettingsPage />}
                  </Layout.Content>
                </Layout>
              </PrefetchProvider>
            </SyncProvider>
          </RolesProvider>
        </PreferencesProvider>
      </AntApp>
    </ConfigProvider>
  )
}
