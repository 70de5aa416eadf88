import { describe, expect, it } from 'vitest'
import { uploadError } from '../../../../../src/renderer/sync/app/media-uploader'
import { ServiceError } from '../../../../../src/shared/result'

describe('renderer/sync/app/media-uploader', () => {
  it('maps a lost link (disconnected) to a retryable network error', () => {
    expect(uploadError(new ServiceError('disconnected', 'cut'))).toMatchObject({ code: 'network', retryable: true })
  })

  it('maps a refused upload (conflict) to a checksum error that is not retried', () => {
    expect(uploadError(new ServiceError('conflict', 'refused'))).toMatchObject({
      code: 'checksum-mismatch',
      retryable: false,
    })
  })

  it('maps a missing local file to not-found and anything else to internal, both final', () => {
    expect(uploadError(new ServiceError('not-found', 'gone'))).toMatchObject({ code: 'not-found', retryable: false })
    expect(uploadError(new Error('boom'))).toMatchObject({ code: 'internal', retryable: false })
    expect(uploadError(new Error('boom')).message).toContain('boom')
  })
})
