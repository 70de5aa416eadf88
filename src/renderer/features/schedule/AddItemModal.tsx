/**
 * Thêm vào buổi phát: pick what plays and when it repeats; the policy warnings it would cause
 * are shown before saving (the officer may still save — the warnings stay on the day's view).
 */
import { Alert, Form, Modal, Select } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newId } from '../../../shared/ids'
import type { PriorityClass } from '../../../shared/model/common'
import type { LibraryEntry, Placement } from '../../../shared/onair/placement'
import type { Violation } from '../../../shared/onair/policy'
import { repeatProblem, whenOf, type RepeatChoice } from '../../../shared/onair/repeat-choice'
import type { SessionTemplate } from '../../../shared/onair/session'
import { localDateAt, type LocalDate } from '../../../shared/onair/station-time'
import { whenProblem } from '../../../shared/onair/when-guard'
import type { ClusterChoice } from '../../db/queries/schedule-clusters'
import { ClusterField } from './ClusterField'
import { ContentFields } from './ContentFields'
import { contentOf, emptyContent, type ContentDraft } from './content-draft'
import { RepeatFields } from './RepeatFields'
import { useClusterTargets } from './useClusterTargets'
import { useSaveAndClose } from './useSaveAndClose'
import { ViolationList } from './ViolationList'

interface AddItemModalProps {
  session: SessionTemplate
  sessions: readonly SessionTemplate[]
  date: LocalDate
  nextOrder: number
  library: ReadonlyMap<string, LibraryEntry>
  preview: (draft: Placement) => Promise<Violation[]>
  /** the placement, and (for a one-off) the clusters the day's schedule of the session plays on */
  onSave: (placement: Placement, clusters?: ClusterChoice) => Promise<void>
  onClose: () => void
}

export function AddItemModal(props: AddItemModalProps) {
  const { session, sessions, date, nextOrder, library, preview, onSave, onClose } = props
  const { t } = useTranslation()
  const [content, setContent] = useState<ContentDraft>(emptyContent)
  const [repeat, setRepeat] = useState<RepeatChoice>({ kind: 'once', date })
  const [priority, setPriority] = useState<PriorityClass | null>(null)
  const [previewed, setPreviewed] = useState<{ draft: Placement; violations: Violation[] } | null>(null)
  const [id] = useState(newId)
  // the station's day when the dialog opened: the first date an item may be placed on
  const [today] = useState(() => localDateAt(Date.now()))
  const targets = useClusterTargets(repeat.kind === 'once' ? repeat.date : date, session.id)
  const [clusters, setClusters] = useState<ClusterChoice | null>(null)
  const chosenClusters = clusters ?? targets?.choice ?? 'all'
  const hasNoClusters = chosenClusters !== 'all' && chosenClusters.length === 0

  const built = useMemo(() => contentOf(content, library), [content, library])
  const problem = 'problem' in built ? built.problem : null
  const repeatIssue = repeatProblem(repeat)
  const draft = useMemo<Placement | null>(
    () =>
      'content' in built && !repeatIssue
        ? { id, sessionId: session.id, content: built.content, priority, order: nextOrder, when: whenOf(repeat) }
        : null,
    [built, repeatIssue, id, session.id, priority, nextOrder, repeat],
  )

  const dateIssue = draft ? whenProblem(draft.when, today) : null

  // The warnings belong to the draft they were computed for; an older answer is never shown.
  const warnings = previewed && previewed.draft === draft ? previewed.violations : []
  useEffect(() => {
    if (!draft) return
    let isCurrent = true
    preview(draft).then(
      (violations) => isCurrent && setPreviewed({ draft, violations }),
      () => isCurrent && setPreviewed({ draft, violations: [] }),
    )
    return () => {
      isCurrent = false
    }
  }, [draft, preview])

  const saveAndClose = useSaveAndClose(
    (p: Placement) => onSave(p, p.when.kind === 'once' ? chosenClusters : undefined),
    onClose,
    t('schedule.saved'),
  )
  const save = async () => {
    if (draft && !dateIssue && !hasNoClusters) await saveAndClose(draft)
  }

  return (
    <Modal
      open
      width={640}
      title={t('schedule.addTitle', { label: session.label })}
      okText={warnings.length > 0 ? t('schedule.saveAnyway') : t('schedule.save')}
      okButtonProps={{ disabled: !draft || dateIssue !== null || hasNoClusters, size: 'large' }}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <ContentFields value={content} library={library} onChange={setContent} />
        <Form.Item label={t('schedule.form.priority')}>
          <Select<PriorityClass | 'content'>
            aria-label={t('schedule.form.priority')}
            value={priority ?? 'content'}
            onChange={(v) => setPriority(v === 'content' ? null : v)}
            options={[
              { value: 'content', label: t('schedule.form.priorityOfContent') },
              { value: 'normal', label: t('schedule.priority.normal') },
              { value: 'priority', label: t('schedule.priority.priority') },
            ]}
          />
        </Form.Item>
        <RepeatFields value={repeat} onChange={setRepeat} />
        {repeat.kind === 'once' && (
          <ClusterField
            value={chosenClusters}
            clusters={targets?.clusters ?? []}
            scope={`${session.label}, ${repeat.date.split('-').reverse().join('/')}`}
            onChange={setClusters}
          />
        )}
      </Form>
      {problem && (
        <Alert type="info" showIcon message={t(`schedule.contentProblem.${problem}`)} style={{ marginBottom: 12 }} />
      )}
      {repeatIssue && (
        <Alert
          type="error"
          showIcon
          message={t(`schedule.repeatProblem.${repeatIssue}`)}
          style={{ marginBottom: 12 }}
        />
      )}
      {dateIssue && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t(`schedule.whenProblem.${dateIssue}`)}
          style={{ marginBottom: 12 }}
        />
      )}
      <ViolationList violations={warnings} sessions={sessions} title={t('schedule.warningsBeforeSave')} />
    </Modal>
  )
}
