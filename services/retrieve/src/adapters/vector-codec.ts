/** Vectors as base64 of little-endian float32: a quarter the size of JSON numbers, exact for float32. */
export function encodeVector(vector: number[]): string {
  return Buffer.from(Float32Array.from(vector).buffer).toString('base64');
}

export function decodeVector(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return Array.from(floats);
}

export function vectorToBuffer(vector: number[]): Buffer {
  return Buffer.from(Float32Array.from(vector).buffer);
}

export function bufferToVector(bytes: Uint8Array): number[] {
  const copy = Uint8Array.from(bytes);
  return Array.from(new Float32Array(copy.buffer, 0, copy.byteLength / 4));
}
