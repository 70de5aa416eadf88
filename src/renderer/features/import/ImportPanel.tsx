/** "Nhập tệp": a drop zone with a button that opens the file picker, progress and cancel. */
import { InboxOutlined } from '@ant-design/icons'
import { Button, Progress, Space, Typography, Upload } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { installAutomation } from '../../audio/ffmpeg/automation'
import { useImport } from './useImport'

const ACCEPT = 'audio/*,video/*,.wav,.mp3,.m4a,.aac,.ogg,.oga,.opus,.flac,.wma,.amr,.3gp,.webm,.mp4'

export function ImportPanel() {
  const { t } = useTranslation()
  const { state, start, cancel } = useImport()
  useEffect(() => installAutomation(), [])

  if (state) {
    return (
      <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
        <Typography.Text>{t('audio.import.progress', { name: state.name })}</Typography.Text>
        <Progress
          percent={Math.round(state.progress * 100)}
          aria-label={t('audio.import.progress', { name: state.name })}
        />
        <Button onClick={cancel}>{t('audio.import.cancel')}</Button>
      </Space>
    )
  }
  return (
    <Upload.Dragger
      accept={ACCEPT}
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        void start(file)
        return false
      }}
      style={{ marginBottom: 16 }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('audio.import.dropZone')}</p>
      <p className="ant-upload-hint">{t('audio.import.dropHint')}</p>
      <Button type="primary">{t('audio.import.button')}</Button>
    </Upload.Dragger>
  )
}
