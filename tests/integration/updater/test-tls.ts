/**
 * A self-signed certificate for 127.0.0.1, made once per test process with the `openssl` CLI
 * (Debian package `openssl`; .ci/run installs it): the update feed is https-only, so the test feed
 * is served over TLS and the test HTTP executor trusts exactly this certificate.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCertificate {
  key: string
  cert: string
}

let made: TestCertificate | null = null

export function testCertificate(): TestCertificate {
  if (made) return made
  const dir = mkdtempSync(join(tmpdir(), 'daixa-tls-'))
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
        .concat(['-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1'])
        .concat(['-addext', 'subjectAltName=IP:127.0.0.1']),
      { stdio: 'ignore' },
    )
    made = { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') }
    return made
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
