/**
 * Standard base64 and the bytes it stands for: request bodies sent as bytes (`rawBodyBase64`),
 * bodies in recorded traffic, the playground's base64 mode and their redaction. Links use the
 * URL-safe alphabet of src/share/base64url.ts, built on the same two conversions. No dependencies.
 */

/** A binary string (one character a byte, as `atob` returns) as bytes. */
export function bytesOfBinary(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Bytes as a binary string, as `btoa` takes them. */
export function binaryOfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index++) binary += String.fromCharCode(bytes[index] as number);
  return binary;
}

/** Decodes base64, ignoring white space; throws on anything else that is not base64. */
export function bytesFromBase64(text: string): Uint8Array {
  return bytesOfBinary(atob(text.replace(/\s+/g, '')));
}

export function base64FromBytes(bytes: Uint8Array): string {
  return btoa(binaryOfBytes(bytes));
}
