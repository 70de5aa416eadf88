/** Adds parts: an announcement from the library, or the default intro/outro jingle. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { formatDuration } from '../../components/format'
import type { JingleName } from './jingles'

export interface AddPartBarProps {
  announcements: readonly Announcement[]
  isBusy: boolean
  onAddAnnouncement: (a: Announcement) => void
  onAddJingle: (name: JingleName) => void
}

export function AddPartBar({ announcements, isBusy, onAddAnnouncement, onAddJingle }: AddPartBarProps) {
  const { t } = useTranslation()
  const [picked, setPicked] = useState<string | null>(null)
  const chosen = announcements.find((a) => a.id === picked)
  return (
    <Space wrap>
      <Select
        showSearch
        aria-label={t('bulletins.pickAnnouncement')}
        placeholder={t('bulletins.pickAnnouncement')}
        value={picked}
        onChange={setPicked}
        optionFilterProp="label"
        options={announcements.map((a) => ({ value: a.id, label: `${a.title} (${formatDuration(a.durationMs)})` }))}
        style={{ minWidth: 320 }}
      />
      <Button icon={<PlusOutlined />} disabled={!chosen || isBusy} onClick={() => chosen && onAddAnnouncement(chosen)}>
        {t('bulletins.addAnnouncement')}
      </Button>
      <Button disabled={isBusy} onClick={() => onAddJingle('default-intro')}>
        {t('bulletins.addIntro')}
      </Button>
      <Button disabled={isBusy} onClick={() => onAddJingle('default-outro')}>
        {t('bulletins.addOutro')}
      </Button>
    </Space>
  )
}
