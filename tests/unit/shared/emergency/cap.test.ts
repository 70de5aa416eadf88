import { describe, expect, it } from 'vitest'
import { capToEmergency } from '../../../../src/shared/emergency/cap-map'
import { parseCapXml, type CapAlert } from '../../../../src/shared/emergency/cap-xml'
import { typhoonWarning } from '../../../e2e/support/cap-sample'

const SENT = Date.parse('2026-09-14T02:00:00.000Z')
const sample = (over: Partial<Parameters<typeof typhoonWarning>[0]> = {}) =>
  typhoonWarning({ identifier: 'KTTV-1', sentMs: SENT, expiresMs: SENT + 6 * 3600_000, repeatEverySec: 1800, ...over })

function parsed(xml: string): CapAlert {
  const result = parseCapXml(xml)
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`)
  return result.value
}

describe('CAP 1.2', () => {
  it('maps a Vietnamese typhoon warning: title, text, onset/expiry, repeat, sender (the vi info chosen)', () => {
    const outcome = capToEmergency(parsed(sample()), SENT + 5000)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok || outcome.value.kind !== 'bulletin') throw new Error('not a bulletin')
    expect(outcome.value.bulletin).toMatchObject({
      id: 'cap:canhbao@kttv.tinhdemo.gov.vn,KTTV-1',
      origin: 'cap',
      title: 'Cảnh báo bão số 3 cho xã Tân Hòa',
      text: 'Bão số 3 gió mạnh cấp 12 đang tiến vào đất liền.\nBà con neo đậu tàu thuyền, không ra khơi.',
      mediaHash: null,
      language: 'vi',
      senderName: 'Đài Khí tượng Thủy văn tỉnh Demo',
      issuedAtMs: SENT,
      onsetMs: SENT,
      expiresMs: SENT + 6 * 3600_000,
      repeatEveryMs: 1800_000,
      isActual: true,
      zones: { clusterIds: [], dtmfCodes: [], relayChannels: [] },
    })
  })

  it('reads zones, window and an audio resource naming a SHA-256; an Update replaces, a Cancel stops', () => {
    const hash = 'ab'.repeat(32)
    const xml = sample()
      .replace(
        '<geocode><valueName>MA_XA</valueName><value>26500</value></geocode>',
        '<geocode><valueName>DTMF</valueName><value>*007#1</value></geocode><geocode><valueName>RELAY</valueName><value>2</value></geocode>',
      )
      .replace(
        '<parameter>',
        `<resource><resourceDesc>Bản tin</resourceDesc><mimeType>audio/wav</mimeType><uri>https://tinh/v1/media/${hash}</uri></resource><parameter><valueName>WINDOW</valueName><value>07:00-20:00</value></parameter><parameter>`,
      )
      .replace(
        '<msgType>Alert</msgType>',
        '<msgType>Update</msgType><references>canhbao@kttv.tinhdemo.gov.vn,KTTV-0,2026-09-14T08:00:00+07:00</references>',
      )
    // CAP puts <resource> after <parameter> and before <area>: the parser does not care about order
    const outcome = capToEmergency(parsed(xml), SENT)
    if (!outcome.ok || outcome.value.kind !== 'bulletin') throw new Error('not a bulletin')
    expect(outcome.value.bulletin.zones).toEqual({ clusterIds: [], dtmfCodes: ['*007#1'], relayChannels: [2] })
    expect(outcome.value.bulletin.window).toEqual({ from: '07:00', to: '20:00' })
    expect(outcome.value.bulletin.mediaHash).toBe(hash)
    expect(outcome.value.bulletin.replaces).toEqual(['cap:canhbao@kttv.tinhdemo.gov.vn,KTTV-0'])
    const cancel = sample().replace(
      '<msgType>Alert</msgType>',
      '<msgType>Cancel</msgType><references>canhbao@kttv.tinhdemo.gov.vn,KTTV-1,2026-09-14T09:00:00+07:00</references>',
    )
    const stop = capToEmergency(parsed(cancel), SENT)
    expect(stop).toEqual({
      ok: true,
      value: {
        kind: 'cancel',
        id: 'cap:canhbao@kttv.tinhdemo.gov.vn,KTTV-1',
        stops: ['cap:canhbao@kttv.tinhdemo.gov.vn,KTTV-1'],
      },
    })
  })

  it('keeps an exercise or a test off the air', () => {
    const outcome = capToEmergency(
      parsed(sample().replace('<status>Actual</status>', '<status>Exercise</status>')),
      SENT,
    )
    expect(outcome.ok && outcome.value.kind === 'bulletin' && outcome.value.bulletin.isActual).toBe(false)
  })

  it('refuses what is not XML, not CAP, not CAP 1.2 or breaks the standard, each with its code and detail', () => {
    expect(parseCapXml('Bão số 3: bà con chú ý')).toMatchObject({ ok: false, code: 'not-xml' })
    expect(parseCapXml('<alert><identifier>x</identifier>')).toMatchObject({ ok: false, code: 'not-xml' })
    expect(parseCapXml('<html><body/></html>')).toMatchObject({
      ok: false,
      code: 'not-cap',
      detail: 'root element <html>',
    })
    expect(parseCapXml('<alert><identifier>x</identifier></alert>')).toMatchObject({ ok: false, code: 'not-cap' })
    expect(parseCapXml(sample({ namespace: 'urn:oasis:names:tc:emergency:cap:1.1' }))).toEqual({
      ok: false,
      code: 'wrong-version',
      detail: 'urn:oasis:names:tc:emergency:cap:1.1',
    })
    expect(parseCapXml(sample().replace('<status>Actual</status>', '<status>Real</status>'))).toMatchObject({
      ok: false,
      code: 'invalid',
    })
    expect(parseCapXml(sample().replace(/<sent>[^<]*<\/sent>/, '<sent>hôm nay</sent>'))).toMatchObject({
      ok: false,
      code: 'invalid',
      detail: expect.stringContaining('sent') as unknown,
    })
    const prefixed = sample()
      .replace(
        '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
        '<cap:alert xmlns:cap="urn:oasis:names:tc:emergency:cap:1.2">',
      )
      .replace(/<(\/?)(?!\?|cap:alert)([a-zA-Z]+)/g, '<$1cap:$2')
      .replace('</alert>', '</cap:alert>')
    expect(parseCapXml(prefixed).ok).toBe(true)
  })

  it('refuses an alert with neither text nor audio to air', () => {
    const bare = sample()
      .replace(/<description>[^<]*<\/description>/, '')
      .replace(/<instruction>[^<]*<\/instruction>/, '')
    expect(capToEmergency(parsed(bare), SENT)).toMatchObject({ ok: false, code: 'invalid' })
  })
})
