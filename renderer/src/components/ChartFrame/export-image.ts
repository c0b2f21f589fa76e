const SVG_NS = 'http://www.w3.org/2000/svg'

export interface SvgExportOptions {
  title: string
  background: string
  text: string
  /** Drawn under the chart, since the on-screen legend is HTML and not part of the SVG. */
  legend: ReadonlyArray<{ label: string; colour: string }>
  fontFamily: string
}

const PAINT_ATTRIBUTES = ['fill', 'stroke', 'stop-color', 'color'] as const

/**
 * A standalone SVG document of a chart: the chart's own <svg> cloned, paints that refer to CSS (var(), currentColor)
 * resolved to the colours in use, a background, a title above and a legend below. Nothing outside the SVG is kept
 * (tooltips, HTML legends).
 */
export function serializeChartSvg(svg: SVGSVGElement, options: SvgExportOptions): string {
  const box = svg.getBoundingClientRect()
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600))
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 300))
  const clone = svg.cloneNode(true) as SVGSVGElement

  // resolve CSS-driven paints against the live elements (same tree order in the clone)
  const live = [svg, ...svg.querySelectorAll('*')]
  const copies = [clone, ...clone.querySelectorAll('*')]
  live.forEach((element, i) => {
    const copy = copies[i]
    if (!copy) return
    const computed = getComputedStyle(element)
    for (const name of PAINT_ATTRIBUTES) {
      const value = copy.getAttribute(name)
      if (value && (value.includes('var(') || value === 'currentColor')) {
        copy.setAttribute(name, computed.getPropertyValue(name === 'color' ? 'color' : name))
      }
    }
    copy.removeAttribute('tabindex')
  })
  clone.querySelectorAll('.recharts-tooltip-cursor, .recharts-active-dot').forEach((n) => n.remove())

  const titleHeight = 28
  const legendRowHeight = 18
  const perRow = Math.max(1, Math.floor(width / 170))
  const legendRows = Math.ceil(options.legend.length / perRow)
  const legendHeight = legendRows > 0 ? legendRows * legendRowHeight + 10 : 0
  const totalHeight = titleHeight + height + legendHeight

  const doc = document.implementation.createDocument(SVG_NS, 'svg', null)
  const root = doc.documentElement as unknown as SVGSVGElement
  root.setAttribute('width', String(width))
  root.setAttribute('height', String(totalHeight))
  root.setAttribute('viewBox', `0 0 ${width} ${totalHeight}`)
  root.setAttribute('font-family', options.fontFamily)
  root.setAttribute('font-size', '12')

  const el = (name: string, attributes: Record<string, string | number>, text?: string) => {
    const node = doc.createElementNS(SVG_NS, name)
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value))
    if (text !== undefined) node.textContent = text
    return node
  }
  root.append(el('rect', { x: 0, y: 0, width, height: totalHeight, fill: options.background }))
  root.append(el('text', { x: 12, y: 19, fill: options.text, 'font-size': 14, 'font-weight': 600 }, options.title))

  const body = el('g', { transform: `translate(0 ${titleHeight})` })
  clone.setAttribute('x', '0')
  clone.setAttribute('y', '0')
  clone.setAttribute('width', String(width))
  clone.setAttribute('height', String(height))
  clone.removeAttribute('style')
  clone.removeAttribute('class')
  body.append(doc.importNode(clone, true))
  root.append(body)

  options.legend.forEach((item, i) => {
    const x = 12 + (i % perRow) * 170
    const y = titleHeight + height + 6 + Math.floor(i / perRow) * legendRowHeight
    root.append(el('rect', { x, y: y + 3, width: 12, height: 10, rx: 2, fill: item.colour }))
    root.append(el('text', { x: x + 18, y: y + 12, fill: options.text }, item.label))
  })
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(doc)
}

/** Renders an SVG document into a PNG at `scale` times its size, through an <img> of a blob URL and a canvas. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svgText)
  const width = Number(size?.[1] ?? 800)
  const height = Number(size?.[2] ?? 400)
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('this window cannot draw on a canvas')
    context.scale(scale, scale)
    context.drawImage(image, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png')
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
