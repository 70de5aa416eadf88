/** "Nhập tệp": a drop zone with a button that opens the file picker, progress and cancel. */
import { InboxOutlined } from '@ant-design/icons'
import { Button, Flex, Progress, Space, Typography, Upload } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { installAutomation } from '../../audio/ffmpeg/automation'
import { useImport } from './useImport'

/** One row: icon, the two lines of text and the button. */
const DROP_ZONE_HEIGHT = 96

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
  // A fixed height: by default the zone takes 100% of the screen's height, which grows with the
  // library below it and pushed a new recording below the fold.
  return (
    <Upload.Dragger
      accept={ACCEPT}
      multiple={false}
      showUploadList={false}
      hasControlInside
      height={DROP_ZONE_HEIGHT}
      beforeUpload={(file) => {
        void start(file)
        return false
      }}
      style={{ marginBottom: 16 }}
    >
      <Flex align="center" justify="center" gap={16} wrap>
        <InboxOutlined style={{ fontSize: 32, color: 'inherit' }} aria-hidden />
        <Flex vertical align="start">
          <Typography.Text strong>{t('audio.import.dropZone')}</Typography.Text>
          <Typography.Text type="secondary">{t('audio.import.dropHint')}</Typography.Text>
        </Flex>
        <Button type="primary">{t('audio.import.button')}</Button>
      </Flex>
    </Upload.Dragger>
  )
}
