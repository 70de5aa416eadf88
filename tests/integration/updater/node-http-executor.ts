/**
 * electron-updater's HTTP client for plain Node. The updater normally uses ElectronHttpExecutor,
 * which needs `electron.net`; this subclass makes the same requests with node:http(s), so the
 * real updaters (AppImageUpdater, NsisUpdater) run in vitest against a local feed server. https
 * requests trust the test certificate only (`test-tls.ts`), as a station trusts the system's CAs.
 * Recipe: docs toolchain.md §9.
 */
import http from 'node:http'
import https from 'node:https'
import { configureRequestOptionsFromUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime'
import { testCertificate } from './test-tls'

export class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    if (options.protocol === 'https:') return https.request({ ...options, ca: testCertificate().cert }, callback)
    return http.request(options, callback)
  }

  /** What AppUpdater calls to fetch the payload (not declared on HttpExecutor, only on its subclasses). */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: http.RequestOptions = { headers: options.headers ?? undefined }
      configureRequestOptionsFromUrl(url.href, requestOptions)
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      )
    })
  }
}
