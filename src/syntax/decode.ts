// Decoding .al file bytes to text: UTF-8 with or without BOM, UTF-16 LE/BE with BOM.
// Decision: the BOM is not part of the text (decode strips it), so a tree's text equals the decoded text and
// offsets count from the first real character; `detectEncoding` tells a writer which BOM to put back.

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

const utf8 = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

export function detectEncoding(bytes: Uint8Array): Encoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8bom';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return 'utf8';
}

/** Decodes file bytes to text without the BOM. Invalid UTF-8 sequences become U+FFFD (never throws). */
export function decode(bytes: Uint8Array): string {
  switch (detectEncoding(bytes)) {
    case 'utf8bom':
      return utf8.decode(bytes.subarray(3));
    case 'utf16le':
      return utf16le.decode(bytes.subarray(2));
    case 'utf16be':
      return utf16be.decode(bytes.subarray(2));
    default:
      return utf8.decode(bytes);
  }
}
