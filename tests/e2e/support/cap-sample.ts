/**
 * A CAP 1.2 alert shaped like a real provincial storm warning (OASIS CAP 1.2 §3: alert, info,
 * parameter, area/geocode): a typhoon warning for xã Tân Hòa in Vietnamese with an English
 * `<info>` too, no audio (the offline voice reads description + instruction), a repeat and expiry
 * scaled down for the test through the parameters the adapter reads (docs/onair.md, "CAP 1.2").
 */

/** `2026-12-08T07:30:05+07:00`: CAP's dateTime with the station's offset, no fraction. */
export function capTime(ms: number): string {
  const local = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)
  return `${local}+07:00`
}

export interface CapSampleOptions {
  identifier: string
  sentMs: number
  expiresMs: number
  repeatEverySec: number
  namespace?: string
}

export function typhoonWarning(o: CapSampleOptions): string {
  const ns = o.namespace ?? 'urn:oasis:names:tc:emergency:cap:1.2'
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${ns}">
  <identifier>${o.identifier}</identifier>
  <sender>canhbao@kttv.tinhdemo.gov.vn</sender>
  <sent>${capTime(o.sentMs)}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>vi-VN</language>
    <category>Met</category>
    <event>Bão</event>
    <responseType>Prepare</responseType>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Likely</certainty>
    <onset>${capTime(o.sentMs)}</onset>
    <expires>${capTime(o.expiresMs)}</expires>
    <senderName>Đài Khí tượng Thủy văn tỉnh Demo</senderName>
    <headline>Cảnh báo bão số 3 cho xã Tân Hòa</headline>
    <description>Bão số 3 gió mạnh cấp 12 đang tiến vào đất liền.</description>
    <instruction>Bà con neo đậu tàu thuyền, không ra khơi.</instruction>
    <web>https://kttv.tinhdemo.gov.vn/canh-bao</web>
    <parameter><valueName>REPEAT_EVERY_SEC</valueName><value>${o.repeatEverySec}</value></parameter>
    <area>
      <areaDesc>Xã Tân Hòa</areaDesc>
      <polygon>10.10,106.10 10.10,106.30 10.30,106.30 10.30,106.10 10.10,106.10</polygon>
      <geocode><valueName>MA_XA</valueName><value>26500</value></geocode>
    </area>
  </info>
  <info>
    <language>en-US</language>
    <category>Met</category>
    <event>Typhoon</event>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Likely</certainty>
    <expires>${capTime(o.expiresMs)}</expires>
    <headline>Typhoon No. 3 warning for Tan Hoa commune</headline>
    <description>Typhoon No. 3 with level 12 winds is approaching land.</description>
    <area><areaDesc>Tan Hoa commune</areaDesc></area>
  </info>
</alert>
`
}
