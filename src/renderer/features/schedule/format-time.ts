/** Station wall-clock times for the screen (Asia/Ho_Chi_Minh, the zone every planned time is in). */
import { STATION_OFFSET_MS } from '../../../shared/onair/station-time'

/** An instant as the station's `HH:MM:SS`. */
export const stationClock = (ms: number): string => new Date(ms + STATION_OFFSET_MS).toISOString().slice(11, 19)
