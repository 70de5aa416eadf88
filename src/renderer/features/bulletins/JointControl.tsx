/** How a part joins the one before it: a gap of silence or a crossfade, in milliseconds. */
import { InputNumber, Radio, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { MAX_JOINT_MS, type Joint } from '../../../shared/editor/bulletin'

export interface JointControlProps {
  joint: Joint
  partTitle: string
  onChange: (joint: Joint) => void
}

export function JointControl({ joint, partTitle, onChange }: JointControlProps) {
  const { t } = useTranslation()
  const setKind = (kind: Joint['kind']) =>
    onChange(kind === 'gap' ? { kind, ms: joint.ms } : { kind, ms: Math.max(1, joint.ms || 1000) })
  return (
    <Space size="small">
      <Radio.Group
        aria-label={t('bulletins.jointKind', { title: partTitle })}
        optionType="button"
        value={joint.kind}
        onChange={(e) => setKind(e.target.value as Joint['kind'])}
        options={[
          { value: 'gap', label: t('bulletins.gap') },
          { value: 'crossfade', label: t('bulletins.crossfade') },
        ]}
      />
      <InputNumber
        aria-label={t('bulletins.jointMs', { title: partTitle })}
        min={joint.kind === 'gap' ? 0 : 1}
        max={MAX_JOINT_MS}
        step={100}
        value={joint.ms}
        onChange={(v) => typeof v === 'number' && onChange({ ...joint, ms: Math.round(v) })}
        addonAfter="ms"
        style={{ width: 150 }}
      />
    </Space>
  )
}
