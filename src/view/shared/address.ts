// What both pages' permalinks share: reading whole numbers from the address bar, and writing
// overrides so brackets, dots and `=` stay readable there.

/** A whole number as written in an address (digits only), else null. */
export function wholeNumber(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}

/** Keeps brackets, dots and `=` readable in the address bar; URLSearchParams reads them back. */
export function encodeAddressPart(text: string): string {
  return encodeURIComponent(text).replace(/%(5B|5D|3D|2C|3A)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
