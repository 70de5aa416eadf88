/**
 * The province side of download tests: put bytes in the reference server's library
 * (`POST /__test__/library`) and publish a programme that names them (`POST /__test__/province`),
 * as a province editor would. Programme ids are the test's own.
 */
import type { Program } from '../../../src/shared/province/entities'
import type { DownloadMediaType } from '../../../src/shared/province/media'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { testPost } from './helpers'

export async function addLibraryFile(
  url: string,
  bytes: Uint8Array,
  mime: DownloadMediaType = 'audio/wav',
): Promise<{ sha256: string; size: number }> {
  const answer = await fetch(`${url}/__test__/library?mime=${encodeURIComponent(mime)}`, {
    method: 'POST',
    body: new Uint8Array(bytes),
    signal: AbortSignal.timeout(30_000),
  })
  if (!answer.ok) throw new Error(`library: ${answer.status} ${await answer.text()}`)
  return (await answer.json()) as { sha256: string; size: number }
}

export type ProgramDraft = Partial<Omit<Program, 'entity' | 'id'>> & { id: string }

export function programRecord(draft: ProgramDraft): Program {
  const now = new Date().toISOString()
  return {
    entity: 'program',
    version: 1,
    updatedAt: now,
    code: draft.id.toUpperCase(),
    title: `Chương trình ${draft.id}`,
    kind: 'news',
    source: 'province',
    priority: 'normal',
    language: 'vi',
    validFrom: new Date(Date.now() - 24 * 3600_000).toISOString(),
    validTo: null,
    status: 'active',
    mediaHash: null,
    mediaSize: null,
    durationMs: 60_000,
    text: null,
    ...draft,
  }
}

/** Publishes (or republishes) a programme in the demo commune; returns the record as stored. */
export async function publishProgram(url: string, draft: ProgramDraft): Promise<Program> {
  const answer = await testPost(url, 'province', {
    communeId: DEMO_COMMUNE.id,
    edit: { action: 'put', record: programRecord(draft) },
  })
  if (answer.status !== 200) throw new Error(`publish: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.record as Program
}

/** Bytes in the library and a programme naming them, in one step. */
export async function publishWithAudio(
  url: string,
  draft: ProgramDraft,
  bytes: Uint8Array,
  mime: DownloadMediaType = 'audio/wav',
): Promise<Program> {
  const { sha256, size } = await addLibraryFile(url, bytes, mime)
  return publishProgram(url, { ...draft, mediaHash: sha256, mediaSize: size })
}
