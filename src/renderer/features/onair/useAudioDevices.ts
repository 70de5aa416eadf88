/** The browser's audio devices of one kind, kept current (labels appear once the microphone is allowed). */
import { useEffect, useState } from 'react'

export function useAudioDevices(kind: 'audioinput' | 'audiooutput'): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([])
  useEffect(() => {
    let isLive = true
    const list = (): void =>
      void navigator.mediaDevices
        ?.enumerateDevices()
        .then((all) => isLive && setDevices(all.filter((d) => d.kind === kind && d.deviceId !== 'default')))
        .catch(() => undefined)
    list()
    navigator.mediaDevices?.addEventListener('devicechange', list)
    return () => {
      isLive = false
      navigator.mediaDevices?.removeEventListener('devicechange', list)
    }
  }, [kind])
  return devices
}
