/** The side bar's sign-in prompt: a first sign-in, or again after the province ended the session. */
import { Button, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

export function SignInPrompt({ kind, onOpenSettings }: { kind: 'first' | 'again'; onOpenSettings: () => void }) {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(kind === 'again' ? 'sync.status.sessionEnded' : 'sync.status.signInFirst')}
      </Typography.Paragraph>
      <Button size="small" type={kind === 'again' ? 'primary' : 'default'} onClick={onOpenSettings}>
        {t(kind === 'again' ? 'sync.status.signInAgain' : 'sync.status.signIn')}
      </Button>
    </>
  )
}
