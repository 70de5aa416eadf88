/**
 * The serial ports the OS lists (USB adapters, built-in COM ports), for the officer to pick from.
 * Virtual ports (socat, com0com) are usually not listed: the form also takes a typed path.
 */
import { SerialPort } from 'serialport'
import type { SerialPortInfo } from '../../../shared/ipc/hardware'
import { ServiceError } from '../../../shared/result'

/** The fields used of serialport's PortInfo (its type package does not resolve for the linter). */
interface ListedPort {
  path: string
  manufacturer?: string | undefined
  vendorId?: string | undefined
  productId?: string | undefined
}

const listPorts = (SerialPort as unknown as { list(): Promise<ListedPort[]> }).list.bind(SerialPort)

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  let ports: ListedPort[]
  try {
    ports = await listPorts()
  } catch (error) {
    throw new ServiceError('io', `hardware: listing serial ports failed: ${String(error).slice(0, 200)}`)
  }
  return ports
    .map((p) => ({
      path: p.path,
      ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
      ...(p.vendorId ? { vendorId: p.vendorId } : {}),
      ...(p.productId ? { productId: p.productId } : {}),
    }))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))
}
