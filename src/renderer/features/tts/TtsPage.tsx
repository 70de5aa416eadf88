/**
 * Đọc văn bản: the officer types a notice, picks a voice and speed, listens, and creates an
 * ordinary announcement from it (source 'speech'), which the library, the editor and the
 * scheduler treat like any recording. Text in a script with no voice (Khmer) is refused here, and
 * a paste that would pass the length limit is refused at once (the text stays as it was). The
 * checks and the normalised text never hold up a keystroke (useSpokenText), and the box keeps a
 * fixed height (measuring a 20,000-character text to fit it on every keystroke cost most of a
 * keystroke's time). Speaking shows its progress in percent and can be stopped.
 */
import { App, Alert, Button, Card, Form, Input, Progress, Space, Typography } from 'antd'
import { useState, type ClipboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_TTS_CHARS } from '../../../shared/tts/script-check'
import { DEFAULT_RATE } from '../../audio/tts/engine'
import { TextChecks } from './TextChecks'
import { titleFromText } from './tts-text'
import { useSpokenText } from './useSpokenText'
import { useTts } from './useTts'
import { VoiceFields } from './VoiceFields'

export interface TtsPageProps {
  /** After an announcement was created (the app opens the library). */
  onCreated?: () => void
}

export function TtsPage({ onCreated }: TtsPageProps) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const tts = useTts()
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [voice, setVoice] = useState('vi')
  const [rate, setRate] = useState(DEFAULT_RATE)
  const { prepared, isSettled } = useSpokenText(text)
  const canSpeak = prepared.refusal === null && tts.busy === null && isSettled

  /** A paste that would make the text longer than the voice's limit is refused whole. */
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain')
    const field = event.currentTarget
    const length = text.length - (field.selectionEnd - field.selectionStart) + pasted.length
    if (length <= MAX_TTS_CHARS) return
    event.preventDefault()
    const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')
    void message.error(t('tts.refusals.pasteTooLong', { length: number(length), max: number(MAX_TTS_CHARS) }))
  }

  const create = async () => {
    const name = title.trim() || titleFromText(text)
    const created = await tts.create(prepared.spoken, name, { voice, rate })
    if (!created) return
    void message.success(t('tts.created', { title: created.title }))
    setText('')
    setTitle('')
    onCreated?.()
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('tts.title')}</Typography.Title>
      {tts.problem && <Alert type="error" showIcon role="alert" message={t(tts.problem)} />}
      <Card>
        <Form layout="vertical">
          <Form.Item label={t('tts.text')} htmlFor="tts-text">
            <Input.TextArea
              id="tts-text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onPaste={onPaste}
              maxLength={MAX_TTS_CHARS}
              rows={10}
              style={{ resize: 'vertical' }}
              placeholder={t('tts.textPlaceholder')}
            />
          </Form.Item>
          <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
            <TextChecks prepared={prepared} isBlank={text.trim() === ''} />
          </Space>
          <Form.Item label={t('tts.titleLabel')} htmlFor="tts-title">
            <Input id="tts-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
          </Form.Item>
          <VoiceFields voice={voice} rate={rate} onVoice={setVoice} onRate={setRate} />
        </Form>
        <Space wrap>
          <Button
            size="large"
            disabled={!canSpeak}
            loading={tts.busy === 'preview'}
            onClick={() => void tts.preview(prepared.spoken, { voice, rate })}
          >
            {t('tts.preview')}
          </Button>
          <Button
            type="primary"
            size="large"
            disabled={!canSpeak}
            loading={tts.busy === 'create'}
            onClick={() => void create()}
          >
            {t('tts.create')}
          </Button>
          {tts.busy && (
            <Button size="large" onClick={tts.cancel}>
              {t('tts.cancel')}
            </Button>
          )}
        </Space>
        {tts.busy && (
          <Progress
            percent={Math.floor(tts.progress * 100)}
            aria-label={t(tts.busy === 'preview' ? 'tts.progress.preview' : 'tts.progress.create')}
            style={{ marginTop: 16 }}
          />
        )}
        {tts.previewUrl && (
          <audio
            controls
            src={tts.previewUrl}
            aria-label={t('tts.previewPlayer')}
            style={{ display: 'block', marginTop: 16 }}
          />
        )}
      </Card>
    </Space>
  )
}
