import { describe, expect, it } from 'vitest'
import { CodedError, ServiceError, fail, ok } from '../../../src/shared/result'

class SampleError extends CodedError<'empty' | 'too-long'> {
  override readonly name = 'SampleError'
}

describe('shared/result', () => {
  it('keeps the code, the message and the subclass name of a coded error', () => {
    const error = new SampleError('too-long', 'the title is longer than 200 characters')
    expect(error).toBeInstanceOf(SampleError)
    expect(error).toBeInstanceOf(CodedError)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'SampleError', code: 'too-long' })
    expect(error.message).toBe('the title is longer than 200 characters')
    expect(String(error)).toBe('SampleError: the title is longer than 200 characters')
    expect(new ServiceError('not-found', 'x')).toMatchObject({ name: 'ServiceError', code: 'not-found' })
  })

  it('builds the two Result shapes', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 })
    expect(fail('corrupt', 'bad')).toEqual({ ok: false, error: { code: 'corrupt', message: 'bad' } })
  })
})
