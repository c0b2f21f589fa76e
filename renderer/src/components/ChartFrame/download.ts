/** Saves a blob as a file through a temporary blob-URL anchor (works in Electron and in browser mode). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = filename
  anchor.rel = 'noopener'
  anchor.hidden = true
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // the download has started by now; keep the URL a little longer for slow consumers
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
