/**
 * The emergency countdown (Cài đặt → Khẩn cấp): seconds between the banner and the first airing
 * of a new emergency bulletin; default 2 minutes, 0 = at once. Kept in the local `settings` table.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { DEFAULT_COUNTDOWN_SEC, MAX_COUNTDOWN_SEC } from '../../../shared/emergency/bulletin'
import { appDatabase } from '../../db/database'

export const COUNTDOWN_SETTING_KEY = 'emergency.countdownSec'

const valid = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNTDOWN_SEC

export async function readCountdownSec(): Promise<number> {
  const value = (await appDatabase().settings.get(COUNTDOWN_SETTING_KEY))?.value
  return valid(value) ? value : DEFAULT_COUNTDOWN_SEC
}

export async function writeCountdownSec(seconds: number): Promise<void> {
  if (!valid(seconds)) throw new Error(`emergency: countdown ${String(seconds)} s is outside 0–${MAX_COUNTDOWN_SEC}`)
  await appDatabase().settings.put({ key: COUNTDOWN_SETTING_KEY, value: seconds })
}

export function useCountdownSec(): number | undefined {
  return useLiveQuery(readCountdownSec, [])
}
