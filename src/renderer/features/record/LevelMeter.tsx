/** Live input level in dBFS with a clip lamp (lit by the recorder for two seconds after a clip). */
import { Progress, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../components/format'

const FLOOR_DB = -60

export const toDbfs = (v: number): number => (v <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 20 * Math.log10(v)))

export function LevelMeter({ peak, isClipping }: { peak: number; isClipping: boolean }) {
  const { t } = useTranslation()
  const db = toDbfs(peak)
  const percent = Math.round(((db - FLOOR_DB) / -FLOOR_DB) * 100)
  return (
    <Space style={{ width: '100%' }} align="center">
      <Progress
        percent={percent}
        showInfo={false}
        strokeColor={db > -3 ? '#cf1322' : db > -12 ? '#d4b106' : '#389e0d'}
        style={{ width: 360 }}
        aria-label={t('record.level')}
      />
      <span style={{ width: 80, fontVariantNumeric: 'tabular-nums' }}>
        {db <= FLOOR_DB ? '-∞' : formatNumber(db, 1)} dB
      </span>
      <Tag color={isClipping ? 'red' : 'default'}>{t('record.clip')}</Tag>
    </Space>
  )
}
