/**
 * The calendar language of the interface: antd's locale (picker words, pagination, empty texts)
 * and dayjs's (month and weekday names, week start). Both languages keep `DD/MM/YYYY`, 24-hour
 * time and weeks from Monday (see shared/format/display.ts for why English does too): antd's
 * British English rather than its US English, dayjs's `en-gb` rather than `en`.
 */
import type { Locale } from 'antd/es/locale'
import enGB from 'antd/locale/en_GB'
import viVN from 'antd/locale/vi_VN'
import dayjs from 'dayjs'
import 'dayjs/locale/en-gb'
import 'dayjs/locale/vi'
import { displayLanguage } from '../../shared/format/display'

/** antd's locale for an i18next language. */
export const antdLocale = (language: string): Locale => (displayLanguage(language) === 'en' ? enGB : viVN)

/** Sets dayjs's global locale (the pickers format with it) for an i18next language. */
export function applyDayjsLocale(language: string): void {
  dayjs.locale(displayLanguage(language) === 'en' ? 'en-gb' : 'vi')
}
