/** The week tools' dialogs of Lịch phát: a new session, the templates, a template laid into sessions, a copy. */
import { useTranslation } from 'react-i18next'
import type { FillTemplate } from '../../../shared/onair/fill'
import type { SessionTemplate } from '../../../shared/onair/session'
import type { LocalDate } from '../../../shared/onair/station-time'
import { appDatabase } from '../../db/database'
import { saveSession } from '../../db/queries/schedule'
import { ApplyTemplateModal } from './ApplyTemplateModal'
import { CopyModal } from './CopyModal'
import { SessionSettingsModal } from './SessionSettingsModal'
import { TemplatesModal } from './TemplatesModal'
import type { ScheduleDay } from './useSchedule'

export type PlanDialog =
  | { kind: 'new-session'; session: SessionTemplate }
  | { kind: 'templates' }
  | { kind: 'apply'; session: SessionTemplate }
  | { kind: 'copy'; scope: 'day' | 'week' }

interface PlanDialogsProps {
  dialog: PlanDialog
  day: ScheduleDay
  date: LocalDate
  templates: readonly FillTemplate[]
  onClose: () => void
}

export function PlanDialogs({ dialog, day, date, templates, onClose }: PlanDialogsProps) {
  const { t } = useTranslation()
  const sessions = day.sources.sessions
  switch (dialog.kind) {
    case 'new-session': {
      const limit = day.policy.maxSessionsPerDay
      const isOver = sessions.length + 1 > limit
      return (
        <SessionSettingsModal
          session={dialog.session}
          isNew
          policyNote={isOver ? t('plan.session.policyNote', { count: sessions.length + 1, limit }) : null}
          onSave={(s) => saveSession(appDatabase(), s)}
          onClose={onClose}
        />
      )
    }
    case 'templates':
      return <TemplatesModal templates={templates} library={day.sources.library} onClose={onClose} />
    case 'apply':
      return (
        <ApplyTemplateModal
          session={dialog.session}
          sessions={sessions}
          date={date}
          templates={templates}
          onClose={onClose}
        />
      )
    case 'copy':
      return <CopyModal scope={dialog.scope} date={date} sessions={sessions} onClose={onClose} />
  }
}
