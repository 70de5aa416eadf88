/**
 * CAP 1.2 (OASIS Common Alerting Protocol, http://docs.oasis-open.org/emergency/cap/v1.2/) read
 * from XML text: a real XML parser (fast-xml-parser 5: well-formedness check, then a tree), the
 * root must be `<alert>` in the namespace `urn:oasis:names:tc:emergency:cap:1.2` (with or without
 * a prefix), and the tree is checked with zod. Errors are codes the screen translates, with the
 * detail (line, field, namespace found) to show next to them.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { z } from 'zod'

export const CAP_12_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2'

export type CapErrorCode = 'not-xml' | 'not-cap' | 'wrong-version' | 'invalid' | 'no-info' | 'too-large'
export type CapParse<T> = { ok: true; value: T } | { ok: false; code: CapErrorCode; detail: string }

/** A CAP file bigger than this is refused unread (an alert with inline audio is a few MB at most). */
export const MAX_CAP_BYTES = 8 * 1024 * 1024

const text = z.string().trim()
const instant = z.iso.datetime({ offset: true })
const many = <T extends z.ZodType>(item: T) => z.array(item).default([])
const valuePair = z.object({ valueName: text, value: text })

const infoSchema = z.object({
  language: text.default('en-US'),
  category: many(text),
  event: text.min(1),
  urgency: text,
  severity: text,
  certainty: text,
  effective: instant.optional(),
  onset: instant.optional(),
  expires: instant.optional(),
  senderName: text.optional(),
  headline: text.optional(),
  description: text.optional(),
  instruction: text.optional(),
  parameter: many(valuePair),
  resource: many(
    z.object({
      resourceDesc: text,
      mimeType: text,
      size: z.coerce.number().int().nonnegative().optional(),
      uri: text.optional(),
      digest: text.optional(),
    }),
  ),
  area: many(z.object({ areaDesc: text, geocode: many(valuePair) })),
})
export type CapInfo = z.infer<typeof infoSchema>

export const capAlertSchema = z.object({
  identifier: text.min(1).max(200),
  sender: text.min(1).max(200),
  sent: instant,
  status: z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']),
  msgType: z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']),
  scope: z.enum(['Public', 'Restricted', 'Private']),
  references: text.optional(),
  info: many(infoSchema),
})
export type CapAlert = z.infer<typeof capAlertSchema>

const LISTS = new Set(['info', 'category', 'parameter', 'resource', 'area', 'geocode', 'polygon', 'circle'])

function rootOf(tree: Record<string, unknown>): { name: string; node: Record<string, unknown> } | null {
  for (const [name, node] of Object.entries(tree)) {
    if (name.startsWith('?')) continue
    if (typeof node === 'object' && node !== null) return { name, node: node as Record<string, unknown> }
    return { name, node: {} }
  }
  return null
}

/** The namespace of the root element as written (`xmlns` or `xmlns:<prefix>`). */
function namespaceOf(xml: string): CapParse<string> {
  const tree: unknown = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
  }).parse(xml)
  const root = typeof tree === 'object' && tree !== null ? rootOf(tree as Record<string, unknown>) : null
  if (!root) return { ok: false, code: 'not-cap', detail: 'no root element' }
  const [prefix, local] = root.name.includes(':') ? root.name.split(':', 2) : [null, root.name]
  if (local !== 'alert') return { ok: false, code: 'not-cap', detail: `root element <${root.name}>` }
  const ns = root.node[prefix ? `@xmlns:${prefix}` : '@xmlns']
  if (typeof ns !== 'string') return { ok: false, code: 'not-cap', detail: '<alert> without the CAP namespace' }
  return { ok: true, value: ns }
}

/** Parses and checks a CAP 1.2 alert. Nothing else is read: the caller writes only on `ok`. */
export function parseCapXml(xml: string): CapParse<CapAlert> {
  if (xml.length > MAX_CAP_BYTES) return { ok: false, code: 'too-large', detail: `${xml.length} bytes` }
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { ok: false, code: 'not-xml', detail: `line ${valid.err.line}: ${valid.err.msg}` }
  const ns = namespaceOf(xml)
  if (!ns.ok) return ns
  if (ns.value !== CAP_12_NAMESPACE) {
    const isOtherCap = ns.value.startsWith('urn:oasis:names:tc:emergency:cap:')
    return { ok: false, code: isOtherCap ? 'wrong-version' : 'not-cap', detail: ns.value }
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => LISTS.has(name),
  })
  const tree = parser.parse(xml) as Record<string, unknown>
  const parsed = capAlertSchema.safeParse(tree['alert'])
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, code: 'invalid', detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }
  }
  if (parsed.data.info.length === 0 && parsed.data.msgType !== 'Cancel')
    return { ok: false, code: 'no-info', detail: 'no <info> block' }
  return { ok: true, value: parsed.data }
}
