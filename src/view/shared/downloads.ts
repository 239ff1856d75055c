// Exports: charts as standalone SVG files and as PNG images, tables as CSV, the manifest as JSON.
import { t } from './language.ts';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart as an SVG document of its own (its styles are attributes already). */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const [, , width, height] = (copy.getAttribute('viewBox') ?? '0 0 760 320').split(' ');
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  download(name, new Blob([svgText(svg)], { type: 'image/svg+xml' }));
}

/** Renders the SVG at twice its size onto a canvas, for slides and documents that take no SVG. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const text = svgText(svg);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error(t('errors.chartImage')));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(t('errors.pngEncode'));
    download(name, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
