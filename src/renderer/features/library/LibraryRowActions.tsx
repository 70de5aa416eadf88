/** A library row's actions, two by two so the title column keeps its width: listen, edit, details, delete. */
import { Button, Flex } from 'antd'
import { useTranslation } from 'react-i18next'

export interface LibraryRowActionsProps {
  isOpen: boolean
  onListen: () => void
  onEdit: () => void
  onDetails: () => void
  onDelete: () => void
}

export function LibraryRowActions(p: LibraryRowActionsProps) {
  const { t } = useTranslation()
  const link = { type: 'link', size: 'small', style: { paddingInline: 4 } } as const
  return (
    <Flex wrap gap="0 4px">
      <Button {...link} aria-expanded={p.isOpen} onClick={p.onListen}>
        {t('library.listen')}
      </Button>
      <Button {...link} onClick={p.onEdit}>
        {t('editor.open')}
      </Button>
      <Button {...link} onClick={p.onDetails}>
        {t('editor.metadata.open')}
      </Button>
      <Button {...link} danger onClick={p.onDelete}>
        {t('common.delete')}
      </Button>
    </Flex>
  )
}
