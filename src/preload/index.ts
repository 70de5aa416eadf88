/**
 * The sandboxed preload: exposes the bridge as `window.daixa` through contextBridge, so the page
 * gets two functions and nothing of Electron or Node. Built as CommonJS (out/preload/index.cjs)
 * because sandboxed preloads cannot load ES modules, and bundled because they cannot require
 * packages from node_modules.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld('daixa', createBridge(ipcRenderer))
