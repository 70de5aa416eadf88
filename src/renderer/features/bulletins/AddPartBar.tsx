/** Adds parts: an announcement from the library, a province program, or the default intro/outro jingle. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Announcement } from '../../../shared/model/announcement'
import { formatDuration } from '../../components/format'
import { airDurationMs } from '../../db/queries/renditions'
import type { JingleName } from './jingles'
import type { ProgramChoice } from './part-sources'

export interface AddPartBarProps {
  announcements: readonly Announcement[]
  programs: readonly ProgramChoice[]
  isBusy: boolean
  onAddAnnouncement: (a: Announcement) => void
  onAddProgram: (p: ProgramChoice) => void
  onAddJingle: (name: JingleName) => void
}

/** Option values: `a:<id>` an announcement, `p:<id>` a program (ids of the two may look alike). */
export function AddPartBar(props: AddPartBarProps) {
  const { announcements, programs, isBusy, onAddAnnouncement, onAddProgram, onAddJingle } = props
  const { t } = useTranslation()
  const [picked, setPicked] = useState<string | null>(null)
  const announcement = announcements.find((a) => `a:${a.id}` === picked)
  const program = programs.find((p) => `p:${p.id}` === picked)
  const label = (title: string, ms: number) => `${title} (${formatDuration(ms)})`
  const options = [
    {
      label: t('bulletins.groups.announcements'),
      options: announcements.map((a) => ({ value: `a:${a.id}`, label: label(a.title, airDurationMs(a)) })),
    },
    {
      label: t('bulletins.groups.programs'),
      options: programs.map((p) => ({ value: `p:${p.id}`, label: label(p.title, p.durationMs) })),
    },
  ].filter((group) => group.options.length > 0)
  const add = () => {
    if (announcement) onAddAnnouncement(announcement)
    else if (program) onAddProgram(program)
  }
  return (
    <Space wrap>
      <Select
        showSearch
        aria-label={t('bulletins.pickAnnouncement')}
        placeholder={t('bulletins.pickAnnouncement')}
        value={picked}
        onChange={setPicked}
        optionFilterProp="label"
        options={options}
        notFoundContent={t('bulletins.nothingToAdd')}
        style={{ minWidth: 360 }}
      />
      <Button icon={<PlusOutlined />} disabled={!(announcement || program) || isBusy} onClick={add}>
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
