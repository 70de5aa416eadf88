/**
 * The station's wall clock. Vietnam has one zone, Asia/Ho_Chi_Minh, at UTC+7 all year with no
 * daylight saving (IANA tzdb "Asia/Ho_Chi_Minh": +07 since 1975), so the conversion is a fixed
 * offset and needs no Intl time-zone data (the shared core stays pure and deterministic).
 * Dates are local calendar days `YYYY-MM-DD`; times are local `HH:MM`; instants are epoch ms UTC.
 */
import { z } from 'zod'

export const STATION_ZONE = 'Asia/Ho_Chi_Minh'
export const STATION_OFFSET_MS = 7 * 3_600_000
export const DAY_MS = 86_400_000

export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((d) => isRealDate(d), 'not a calendar date')
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (00:00–23:59)')

export type LocalDate = string
export type LocalTime = string

/** iCalendar weekday codes, Monday first (ISO 8601 and the RRULE default WKST=MO). */
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof weekdays)[number]
export const weekdaySchema = z.enum(weekdays)

function isRealDate(date: string): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`)
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date
}

/** Days since 1970-01-01 of a local date (the station's calendar day number). */
export function dayNumber(date: LocalDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
}

export function dateOfDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateOfDayNumber(dayNumber(date) + days)
}

/** The weekday of a local date. 1970-01-01 was a Thursday (index 3 from Monday). */
export function weekdayOf(date: LocalDate): Weekday {
  const index = (((dayNumber(date) + 3) % 7) + 7) % 7
  return weekdays[index] ?? 'MO'
}

/** The station's calendar day at an instant. */
export function localDateAt(ms: number): LocalDate {
  return dateOfDayNumber(Math.floor((ms + STATION_OFFSET_MS) / DAY_MS))
}

/** The station's wall-clock `HH:MM` at an instant. */
export function localTimeAt(ms: number): LocalTime {
  return new Date(ms + STATION_OFFSET_MS).toISOString().slice(11, 16)
}

/** Minutes after local midnight of `HH:MM`. */
export function minutesOf(time: LocalTime): number {
  const [h = '0', m = '0'] = time.split(':')
  return Number(h) * 60 + Number(m)
}

/** The instant of a local date and wall-clock time in the station zone. */
export function instantOf(date: LocalDate, time: LocalTime): number {
  return dayNumber(date) * DAY_MS + minutesOf(time) * 60_000 - STATION_OFFSET_MS
}
