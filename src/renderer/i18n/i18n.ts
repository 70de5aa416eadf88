/**
 * i18next set up for Vietnamese first, English second. Every string the officer sees comes
 * from `locales/vi/*.json` / `locales/en/*.json` (one file per feature, see resources.ts);
 * `npm run i18n:check` fails when a key is missing in either language or a `t('…')` in the code
 * names a key that does not exist.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../shared/ipc/app'
import { applyDayjsLocale } from './date-locale'
import { resources } from './resources'

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  applyDayjsLocale(language)
  document.documentElement.lang = language
  return i18next
}

export async function switchLanguage(language: Language): Promise<void> {
  applyDayjsLocale(language)
  await i18next.changeLanguage(language)
  document.documentElement.lang = language
}
