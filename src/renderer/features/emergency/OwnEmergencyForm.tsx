/**
 * "Tin khẩn của xã": the officer picks a library item (recorded, or typed and read by the offline
 * voice on Đọc văn bản), how often it repeats and for how long; it then goes out like a province
 * emergency (banner, countdown, repeats until it expires or is stopped).
 */
import { App, Button, Form, InputNumber, Select, Space } from 'antd'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newId } from '../../../shared/ids'
import { appDatabase } from '../../db/database'
import { listAnnouncements } from '../../db/queries/announcements'
import { putEmergency } from '../../db/queries/emergencies'
import { ownEmergency } from './own-emergency'

export function OwnEmergencyForm() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const announcements = useLiveQuery(() => listAnnouncements(appDatabase()), []) ?? []
  const [chosen, setChosen] = useState<string | null>(null)
  const [repeatEveryMin, setRepeat] = useState(30)
  const [expiresInHours, setExpires] = useState(6)
  const create = async () => {
    const a = announcements.find((x) => x.id === chosen)
    if (!a) return
    const bulletin = ownEmergency(a, { repeatEveryMin, expiresInHours }, newId(), Date.now())
    await putEmergency(appDatabase(), bulletin, Date.now())
    void message.success(t('emergency.own.created', { title: a.title }))
    setChosen(null)
  }
  return (
    <Form layout="inline" aria-label={t('emergency.own.title')}>
      <Space wrap>
        <Form.Item label={t('emergency.own.item')}>
          <Select
            aria-label={t('emergency.own.item')}
            style={{ minWidth: 260 }}
            value={chosen}
            onChange={setChosen}
            showSearch
            optionFilterProp="label"
            options={announcements.map((a) => ({ value: a.id, label: a.title }))}
          />
        </Form.Item>
        <Form.Item label={t('emergency.own.repeatEveryMin')}>
          <InputNumber
            aria-label={t('emergency.own.repeatEveryMin')}
            min={1}
            max={1440}
            precision={0}
            value={repeatEveryMin}
            onChange={(v) => setRepeat(v ?? 30)}
          />
        </Form.Item>
        <Form.Item label={t('emergency.own.expiresInHours')}>
          <InputNumber
            aria-label={t('emergency.own.expiresInHours')}
            min={1}
            max={168}
            precision={0}
            value={expiresInHours}
            onChange={(v) => setExpires(v ?? 6)}
          />
        </Form.Item>
        <Button danger disabled={chosen === null} onClick={() => void create()}>
          {t('emergency.own.create')}
        </Button>
      </Space>
    </Form>
  )
}
