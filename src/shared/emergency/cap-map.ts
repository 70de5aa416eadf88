/**
 * A CAP 1.2 alert onto the station's emergency flow (bulletin.ts): `headline` (else `event`) is
 * the title; `description` + `instruction` the text the offline voice reads when there is no audio;
 * `onset` (else `effective`, else `sent`) and `expires`; an audio `resource` whose `uri` names a
 * SHA-256 (the province's media route) is played from the media store when the file is there.
 * The `<info>` in Vietnamese is preferred (language `vi…`), else the first.
 *
 * Zones and repeats are not CAP fields: the province puts them in `<area><geocode>` and
 * `<parameter>` pairs (docs/province-api.md, "Emergencies"):
 *   geocode DTMF = a zone on-code, RELAY = a relay channel, CLUSTER = a cluster id;
 *   parameter REPEAT_EVERY_MIN (default 30; REPEAT_EVERY_SEC for tests), WINDOW = "07:00-20:00".
 * `msgType` Update replaces the alerts in `references`; Cancel stops them; only `status` Actual
 * airs (Exercise/Test are kept and shown, never aired).
 */
import { emergencyBulletinSchema, type EmergencyBulletin } from './bulletin'
import type { CapAlert, CapInfo, CapParse } from './cap-xml'

export const DEFAULT_CAP_REPEAT_MIN = 30

export type CapOutcome =
  | { kind: 'bulletin'; bulletin: EmergencyBulletin }
  /** ids of the bulletins a Cancel stops */
  | { kind: 'cancel'; id: string; stops: string[] }

export const capId = (sender: string, identifier: string): string => `cap:${sender},${identifier}`

/** `references`: space-separated `sender,identifier,sent` triples. */
export function referencedIds(references: string | undefined): string[] {
  return (references ?? '')
    .split(/\s+/)
    .filter((triple) => triple.length > 0)
    .flatMap((triple) => {
      const [sender, identifier] = triple.split(',')
      return sender && identifier ? [capId(sender, identifier)] : []
    })
}

const pick = (info: CapInfo, name: string): string[] =>
  info.area.flatMap((a) => a.geocode.filter((g) => g.valueName.toUpperCase() === name).map((g) => g.value))
const parameter = (info: CapInfo, name: string): string | undefined =>
  info.parameter.find((p) => p.valueName.toUpperCase() === name)?.value

function repeatMs(info: CapInfo): number {
  const sec = Number(parameter(info, 'REPEAT_EVERY_SEC'))
  if (Number.isInteger(sec) && sec > 0) return sec * 1000
  const min = Number(parameter(info, 'REPEAT_EVERY_MIN') ?? DEFAULT_CAP_REPEAT_MIN)
  return (Number.isFinite(min) && min > 0 ? min : DEFAULT_CAP_REPEAT_MIN) * 60_000
}

function windowOf(info: CapInfo): EmergencyBulletin['window'] {
  const match = /^(\d\d:\d\d)\s*-\s*(\d\d:\d\d)$/.exec(parameter(info, 'WINDOW') ?? '')
  return match?.[1] && match[2] ? { from: match[1], to: match[2] } : null
}

/** A SHA-256 named in an audio resource's uri (…/media/<64 hex>), if any. */
function audioHash(info: CapInfo): string | null {
  for (const r of info.resource) {
    if (!r.mimeType.toLowerCase().startsWith('audio/')) continue
    const hash = /[0-9a-f]{64}/i.exec(r.uri ?? '')?.[0]
    if (hash) return hash.toLowerCase()
  }
  return null
}

function chooseInfo(alert: CapAlert): CapInfo | undefined {
  return alert.info.find((i) => i.language.toLowerCase().startsWith('vi')) ?? alert.info[0]
}

export function capToEmergency(alert: CapAlert, receivedAtMs: number): CapParse<CapOutcome> {
  const id = capId(alert.sender, alert.identifier)
  const replaces = referencedIds(alert.references)
  if (alert.msgType === 'Cancel') return { ok: true, value: { kind: 'cancel', id, stops: replaces } }
  const info = chooseInfo(alert)
  if (!info) return { ok: false, code: 'no-info', detail: 'no <info> block' }
  const text = [info.description, info.instruction].filter((t): t is string => Boolean(t)).join('\n')
  const sentMs = Date.parse(alert.sent)
  const onset = info.onset ?? info.effective
  const candidate = {
    id,
    origin: 'cap',
    title: (info.headline ?? info.event).slice(0, 300),
    text: text.length > 0 ? text.slice(0, 20_000) : null,
    mediaHash: audioHash(info),
    durationMs: null,
    language: info.language.toLowerCase().startsWith('vi') ? 'vi' : info.language,
    senderName: (info.senderName ?? alert.sender).slice(0, 300),
    issuedAtMs: sentMs,
    onsetMs: onset ? Date.parse(onset) : Math.min(sentMs, receivedAtMs),
    expiresMs: info.expires ? Date.parse(info.expires) : null,
    repeatEveryMs: repeatMs(info),
    window: windowOf(info),
    zones: {
      clusterIds: pick(info, 'CLUSTER'),
      dtmfCodes: pick(info, 'DTMF'),
      relayChannels: pick(info, 'RELAY').map(Number),
    },
    replaces,
    isActual: alert.status === 'Actual' && alert.msgType !== 'Ack' && alert.msgType !== 'Error',
  }
  const checked = emergencyBulletinSchema.safeParse(candidate)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    return { ok: false, code: 'invalid', detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }
  }
  if (checked.data.text === null && checked.data.mediaHash === null)
    return { ok: false, code: 'invalid', detail: 'neither description/instruction nor an audio resource' }
  return { ok: true, value: { kind: 'bulletin', bulletin: checked.data } }
}
