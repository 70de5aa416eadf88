/**
 * What `uploads:run` may send and where: only to the configured province server's origin (the
 * page names the tus endpoint, main decides whether it is the province), and with main's own
 * access token — an Authorization header the page put in the target is dropped.
 */
import type { UploadTarget } from '../../../shared/ipc/uploads'
import { ServiceError } from '../../../shared/result'
import type { ProvinceAccount } from './province-account'

export async function provinceUploadTarget(
  target: UploadTarget,
  account: Pick<ProvinceAccount, 'connection' | 'session'>,
): Promise<UploadTarget> {
  const { serverUrl } = await account.connection()
  if (!serverUrl) throw new ServiceError('forbidden', 'uploads: no province server is set')
  const endpoint = new URL(target.endpoint)
  if (endpoint.origin !== new URL(serverUrl).origin)
    throw new ServiceError('forbidden', `uploads: ${endpoint.origin} is not the configured province server`)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(target.headers))
    if (name.toLowerCase() !== 'authorization') headers[name] = value
  const session = await account.session()
  if (session) headers.authorization = `Bearer ${session.accessToken}`
  return { ...target, headers }
}
