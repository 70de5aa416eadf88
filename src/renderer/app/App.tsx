/** The window: a side menu of screens, in the officer's language, with antd's matching locale. */
import { ApiOutlined, AudioOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons'
import { App as AntApp, ConfigProvider, Layout, Menu, Typography } from 'antd'
import enUS from 'antd/locale/en_US'
import viVN from 'antd/locale/vi_VN'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bridge } from '../bridge/bridge'
import { HardwarePage } from '../features/hardware/HardwarePage'
import { LibraryPage } from '../features/library/LibraryPage'
import { RecordPage } from '../features/record/RecordPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { PreferencesProvider } from './PreferencesContext'

type Screen = 'record' | 'library' | 'hardware' | 'settings'

const menuActions: Record<string, Screen> = {
  'open-record': 'record',
  'open-library': 'library',
  'open-settings': 'settings',
  'open-hardware': 'hardware',
}

export function App() {
  const { t, i18n } = useTranslation()
  const [screen, setScreen] = useState<Screen>('record')
  useEffect(() => bridge.on('app:menu', ({ action }) => setScreen(menuActions[action] ?? 'record')), [])

  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={{ token: { fontSize: 16 } }}>
      <AntApp>
        <PreferencesProvider>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Sider width={220} theme="light">
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
                  { key: 'hardware', icon: <ApiOutlined />, label: t('nav.hardware') },
                  { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
                ]}
              />
            </Layout.Sider>
            <Layout.Content style={{ padding: 24 }}>
              {screen === 'record' && <RecordPage onSaved={() => setScreen('library')} />}
              {screen === 'library' && <LibraryPage />}
              {screen === 'hardware' && <HardwarePage />}
              {screen === 'settings' && <SettingsPage />}
            </Layout.Content>
          </Layout>
        </PreferencesProvider>
      </AntApp>
    </ConfigProvider>
  )
}
