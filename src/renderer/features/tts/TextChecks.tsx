/** The refusal or warnings for the text, and the words the voice will read. */
import { Alert, Collapse, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { refusalMessage, type PreparedText } from './tts-text'

export function TextChecks({ prepared, isBlank }: { prepared: PreparedText; isBlank: boolean }) {
  const { t } = useTranslation()
  if (isBlank) return null
  if (prepared.refusal) {
    const { key, values } = refusalMessage(prepared.refusal)
    return <Alert type="error" showIcon role="alert" message={t(key, values)} />
  }
  return (
    <>
      {prepared.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon role="status" message={t(`tts.warnings.${w}`)} />
      ))}
      <Collapse
        size="small"
        items={[
          {
            key: 'spoken',
            label: t('tts.spokenText'),
            children: (
              <Typography.Paragraph aria-label={t('tts.spokenText')} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {prepared.spoken}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </>
  )
}
