/**
 * The display formats of `shared/format/display.ts` in the officer's language, for a component:
 *
 *   const f = useFormat()
 *   f.dateTime(row.createdAt) // "08/12/2026 05:30"
 *   f.duration(ms)            // "01:15,4" (vi) / "01:15.4" (en)
 *   f.level(-16, 'LUFS')      // "-16,0 LUFS"
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { displayFormat, displayLanguage, type DisplayFormat } from '../../shared/format/display'

export function useFormat(): DisplayFormat {
  const { i18n } = useTranslation()
  const language = displayLanguage(i18n.language)
  return useMemo(() => displayFormat(language), [language])
}
