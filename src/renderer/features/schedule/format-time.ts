/** Station wall-clock times for the screen (Asia/Ho_Chi_Minh, the zone every planned time is in). */
import { formatTime } from '../../../shared/format/display'

/** An instant as the station's `HH:MM:SS`. */
export const stationClock = (ms: number): string => formatTime(ms, { seconds: true })
