/**
 * A CAP 1.2 file the officer picked, onto the emergency flow: parsed and checked whole first
 * (cap-xml.ts, cap-map.ts); only a good alert writes, in one transaction (an Alert/Update is
 * stored — the banner and countdown start; a Cancel stops the alerts it references).
 */
import { capToEmergency } from '../../../shared/emergency/cap-map'
import { parseCapXml, type CapErrorCode, type CapParse } from '../../../shared/emergency/cap-xml'
import type { DaixaDb } from '../../db/database'
import { cancelEmergencies, putEmergency } from '../../db/queries/emergencies'

export type CapImported = { kind: 'bulletin'; title: string } | { kind: 'cancel'; stopped: number }
export type CapImportError = CapErrorCode | 'unreadable'

export async function importCapText(db: DaixaDb, xml: string, nowMs: number): Promise<CapParse<CapImported>> {
  const alert = parseCapXml(xml)
  if (!alert.ok) return alert
  const mapped = capToEmergency(alert.value, nowMs)
  if (!mapped.ok) return mapped
  const outcome = mapped.value
  if (outcome.kind === 'cancel')
    return { ok: true, value: { kind: 'cancel', stopped: await cancelEmergencies(db, outcome.stops, nowMs) } }
  const row = await putEmergency(db, outcome.bulletin, nowMs)
  return { ok: true, value: { kind: 'bulletin', title: row.title } }
}
