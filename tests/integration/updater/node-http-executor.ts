/**
 * electron-updater's HTTP client for plain Node. The updater normally uses ElectronHttpExecutor,
 * which needs `electron.net`; this subclass makes the same requests with node:http(s), so the
 * real updaters (AppImageUpdater, NsisUpdater) run in vitest against a local feed server.
 * Recipe: docs toolchain.md §9.
 */
import http from 'node:http'
import https from 'node:https'
import { configureRequestOptionsFromUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime'

export class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    return (options.protocol === 'https:' ? https : http).request(options, callback)
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
