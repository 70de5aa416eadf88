/**
 * `npm run province -- --publish-emergency "Bão số 3 …" [--text "…"] [--repeat-every 1800]
 *   [--expires-in 21600] [--window 07:00-20:00] [--dtmf *007#1] [--server http://127.0.0.1:8787]`
 * publishes an emergency program on a running demo server (emergency-publish.ts) and exits.
 * Without --text the title is read. Defaults: repeat every 30 min, expires in 6 h, any time of day.
 */
import { PUBLISH_EMERGENCY_PATH, type PublishEmergency } from './emergency-publish'

export const isPublishCommand = (argv: readonly string[]): boolean => argv.includes('--publish-emergency')

function parse(argv: readonly string[]): { server: string; body: PublishEmergency } {
  let server = 'http://127.0.0.1:8787'
  const body: PublishEmergency = { title: '', repeatEverySec: 1800, expiresInSec: 6 * 3600 }
  const dtmf: string[] = []
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]
    const value = (): string => {
      const next = argv[i + 1]
      if (next === undefined) throw new Error(`${flag ?? ''} needs a value`)
      i += 1
      return next
    }
    if (flag === '--publish-emergency') body.title = value()
    else if (flag === '--text') body.text = value()
    else if (flag === '--repeat-every') body.repeatEverySec = Number(value())
    else if (flag === '--expires-in') body.expiresInSec = Number(value())
    else if (flag === '--server') server = value().replace(/\/$/, '')
    else if (flag === '--port') server = `http://127.0.0.1:${value()}`
    else if (flag === '--dtmf') dtmf.push(value())
    else if (flag === '--window') {
      const [from = '', to = ''] = value().split('-')
      body.window = { from, to }
    }
    // the npm script's own flags (--seed-demo) and the server's are not for this command
  }
  body.text ??= body.title
  if (dtmf.length > 0) body.zones = { clusterIds: [], dtmfCodes: dtmf, relayChannels: [] }
  return { server, body }
}

export async function runPublishCommand(argv: readonly string[]): Promise<void> {
  const { server, body } = parse(argv)
  const answer = await fetch(`${server}${PUBLISH_EMERGENCY_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await answer.text()
  if (!answer.ok) throw new Error(`the server refused the emergency (${answer.status}): ${text}`)
  const { record } = JSON.parse(text) as { record: { id: string; title: string } }
  console.log(`province: emergency “${record.title}” published as ${record.id} on ${server}`)
}
