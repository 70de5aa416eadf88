/** "Nhập cảnh báo CAP…": the officer picks a CAP 1.2 file; a clear message for anything else. */
import { ImportOutlined } from '@ant-design/icons'
import { App, Button, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_CAP_BYTES } from '../../../shared/emergency/cap-xml'
import { appDatabase } from '../../db/database'
import { importCapText } from './cap-import'

export function CapImportButton() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [isBusy, setBusy] = useState(false)

  const importFile = async (file: File) => {
    setBusy(true)
    try {
      if (file.size > MAX_CAP_BYTES) {
        void message.error(t('emergency.cap.errors.too-large', { name: file.name, detail: `${file.size} B` }))
        return
      }
      const text = await file.text().catch(() => null)
      if (text === null) {
        void message.error(t('emergency.cap.errors.unreadable', { name: file.name }))
        return
      }
      const result = await importCapText(appDatabase(), text, Date.now())
      if (!result.ok)
        void message.error(t(`emergency.cap.errors.${result.code}`, { name: file.name, detail: result.detail }), 12)
      else if (result.value.kind === 'bulletin')
        void message.success(t('emergency.panel.imported', { title: result.value.title }))
      else void message.success(t('emergency.panel.cancelled', { count: result.value.stopped }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Upload
      accept=".xml,.cap,application/xml,text/xml,application/cap+xml"
      showUploadList={false}
      beforeUpload={(file) => {
        void importFile(file)
        return false
      }}
    >
      <Button icon={<ImportOutlined />} loading={isBusy}>
        {t('emergency.panel.importCap')}
      </Button>
    </Upload>
  )
}
