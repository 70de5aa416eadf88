/**
 * One bulletin: its title, parts (add, reorder, joints, remove), total length against the
 * session's limit, and export. Every change is saved at once; the title as it is typed (debounced),
 * and whatever is still waiting when the officer opens another screen or bulletin.
 * The screen mounts one editor per bulletin id, so the title field starts from that bulletin.
 */
import { Alert, App, Card, Input, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  bulletinDuration,
  bulletinProblems,
  movePart,
  partStarts,
  type BulletinPart,
  type Joint,
} from '../../../shared/editor/bulletin'
import type { Announcement } from '../../../shared/model/announcement'
import type { ContentKind } from '../../../shared/model/common'
import { ensureRendition } from '../../audio/renditions/render-rendition'
import { errorCodeOf } from '../../bridge/bridge'
import { useDebouncedCommit } from '../../components/useDebouncedCommit'
import type { Bulletin, RenderedFile, SavedToLibrary } from '../../db/queries/bulletins'
import { categoriesOf } from '../library/library-filter'
import { MetadataDrawer } from '../library/MetadataDrawer'
import { lastApprover } from '../library/validity-dates'
import { AddPartBar } from './AddPartBar'
import { DurationSummary } from './DurationSummary'
import { ExportBar, type ExportKind } from './ExportBar'
import { ensureJingle, JINGLES, type JingleName } from './jingles'
import { LibrarySaveBar } from './LibrarySaveBar'
import { insertPart, partFromAnnouncement, partFromJingle, partFromProgram } from './part-factory'
import type { ProgramChoice, SessionLimit } from './part-sources'
import { PartList } from './PartList'
import { useBulletinExport } from './useBulletinExport'
import { useSaveToLibrary } from './useSaveToLibrary'

export interface BulletinEditorProps {
  bulletin: Bulletin
  announcements: readonly Announcement[]
  programs: readonly ProgramChoice[]
  sessions: readonly SessionLimit[]
  save: (content: { title: string; parts: BulletinPart[]; timeLimitMin: number }) => Promise<unknown>
  markRendered: (file: RenderedFile) => Promise<void>
  saveToLibrary: (kind: ContentKind) => Promise<SavedToLibrary>
}

export function BulletinEditor(props: BulletinEditorProps) {
  const { bulletin, announcements, programs, sessions, save, markRendered, saveToLibrary } = props
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [title, setTitle] = useState(bulletin.title)
  const [isAdding, setIsAdding] = useState(false)
  const [kind, setKind] = useState<ExportKind>('mp3')
  const exporter = useBulletinExport(markRendered)
  const library = useSaveToLibrary(bulletin, exporter, saveToLibrary)
  const [detailsId, setDetailsId] = useState<string | null>(null)
  // The session is chosen per visit; its limit is what the bulletin row keeps (timeLimitMin).
  const [sessionId, setSessionId] = useState<string | null>(null)
  const shownSession = sessionId ?? sessions.find((s) => s.limitMin === bulletin.timeLimitMin)?.id ?? null

  const { parts, timeLimitMin } = bulletin
  const totalMs = useMemo(() => bulletinDuration(parts), [parts])
  const starts = useMemo(() => partStarts(parts), [parts])
  const problems = bulletinProblems({ parts, timeLimitMin })
  const blocking = problems.filter((p) => p.code === 'crossfade-too-long')

  const change = (next: Partial<{ title: string; parts: BulletinPart[]; timeLimitMin: number }>) =>
    save({ title: bulletin.title, parts: [...parts], timeLimitMin, ...next }).catch((error: unknown) => {
      void message.error(t(`errors.${errorCodeOf(error)}`))
    })

  const addJingle = async (name: JingleName) => {
    setIsAdding(true)
    try {
      const stored = await ensureJingle(name)
      const jingle = JINGLES[name]
      await change({
        parts: insertPart(parts, partFromJingle(name, jingle.kind, t(`bulletins.jingles.${name}`), stored)),
      })
    } catch (error) {
      void message.error(t('bulletins.errors.jingle', { code: errorCodeOf(error) }))
    } finally {
      setIsAdding(false)
    }
  }

  const titleSave = useDebouncedCommit((text: string) => {
    const clean = text.trim()
    if (clean !== '' && clean !== bulletin.title) void change({ title: clean })
  })
  // The part plays what airs: the announcement's rendition, rendered now if it is not yet.
  const addAnnouncement = async (a: Announcement) => {
    setIsAdding(true)
    try {
      const air = await ensureRendition(a.id)
      await change({ parts: insertPart(parts, partFromAnnouncement(a, air)) })
    } catch (error) {
      void message.error(t('bulletins.errors.notRendered', { title: a.title, code: errorCodeOf(error) }))
    } finally {
      setIsAdding(false)
    }
  }

  const setJoint = (index: number, joint: Joint) =>
    change({ parts: parts.map((p, i) => (i === index ? { ...p, joint } : p)) })

  return (
    <Card>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space align="center" wrap>
          <label htmlFor="bulletin-title">{t('bulletins.titleLabel')}</label>
          <Input
            id="bulletin-title"
            value={title}
            maxLength={300}
            onChange={(e) => {
              setTitle(e.target.value)
              titleSave.schedule(e.target.value)
            }}
            onBlur={titleSave.flush}
            onPressEnter={titleSave.flush}
            style={{ width: 560, maxWidth: '100%' }}
          />
        </Space>
        <AddPartBar
          announcements={announcements}
          isBusy={isAdding}
          programs={programs}
          onAddAnnouncement={(a) => void addAnnouncement(a)}
          onAddProgram={(p) => void change({ parts: insertPart(parts, partFromProgram(p)) })}
          onAddJingle={(name) => void addJingle(name)}
        />
        <Typography.Text type="secondary">{t('bulletins.dragHint')}</Typography.Text>
        <PartList
          parts={parts}
          starts={starts}
          onMove={(from, to) => void change({ parts: movePart(parts, from, to) })}
          onJoint={(i, joint) => void setJoint(i, joint)}
          onRemove={(i) => void change({ parts: parts.filter((_, k) => k !== i) })}
        />
        <DurationSummary
          totalMs={totalMs}
          limitMin={timeLimitMin}
          sessions={sessions}
          sessionId={shownSession}
          onSession={(s) => {
            setSessionId(s.id)
            void change({ timeLimitMin: s.limitMin })
          }}
        />
        {blocking.map((p) =>
          p.code === 'crossfade-too-long' ? (
            <Alert
              key={p.partIndex}
              type="error"
              showIcon
              role="alert"
              message={t('bulletins.crossfadeTooLong', { n: p.partIndex + 1, max: p.maxMs })}
            />
          ) : null,
        )}
        {exporter.problem && <Alert type="error" showIcon role="alert" message={t(exporter.problem)} />}
        <ExportBar
          kind={kind}
          onKind={setKind}
          progress={exporter.progress}
          isDisabled={parts.length === 0 || blocking.length > 0}
          onExport={() =>
            void exporter
              .run(parts, bulletin.title, kind)
              .then((ok) => ok && void message.success(t('bulletins.exported')))
          }
          onCancel={exporter.cancel}
        />
        <LibrarySaveBar
          isRendered={bulletin.renderedHash !== null}
          isBusy={library.isSaving || exporter.progress !== null}
          saved={library.saved}
          problem={library.problem}
          onSave={(contentKind) => void library.save(contentKind)}
          onOpen={(a) => setDetailsId(a.id)}
        />
      </Space>
      <MetadataDrawer
        announcementId={detailsId}
        categories={categoriesOf(announcements)}
        suggestedApprover={lastApprover(announcements)}
        onClose={() => setDetailsId(null)}
      />
    </Card>
  )
}
