// Two callers rarely type an address the same way ("서울 중구 세종대로 110" vs "서울중구 세종대로110",
// "12 Main St." vs "12 main st"). The key ignores case, spacing and punctuation so such pairs meet; hyphens
// stay because Korean lot numbers ("123-4") would otherwise merge with other numbers.

/** A comparison key for an address, or null when nothing identifying is left. */
export function addressKey(address: string | null | undefined): string | null {
  if (!address) return null;
  const key = address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return key.length >= 3 ? key : null;
}
