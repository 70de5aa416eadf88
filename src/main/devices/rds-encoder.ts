/**
 * What the station asks of an RDS encoder, whichever protocol drives it (PIRA-style ASCII or
 * UECP). Text is Vietnamese as typed; the drivers fold it to what receivers can show
 * (rds-charset.ts): PS 8 characters, RadioText up to 64.
 */
import type { DeviceDriver } from './link/status'

export interface RdsEncoder extends DeviceDriver {
  /** Programme Identification, 16 bits (shown as 4 hex digits, e.g. 0x3201) */
  setPi(pi: number): Promise<void>
  setPs(text: string): Promise<void>
  setRt(text: string): Promise<void>
  /**
   * Wants this radiotext without waiting (the post-session clear): nothing is sent when the
   * encoder is known to show it; otherwise it is sent when online and retried until it lands.
   */
  wantRt(text: string): void
  setTa(isOn: boolean): Promise<void>
  setTp(isOn: boolean): Promise<void>
  /** 0…31 (3 = Information, 30 = Alarm test, 31 = Alarm) */
  setPty(pty: number): Promise<void>
  setPtyn(text: string): Promise<void>
  setMs(isMusic: boolean): Promise<void>
}
