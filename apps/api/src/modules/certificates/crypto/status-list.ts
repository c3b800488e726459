import { gunzipSync, gzipSync } from 'node:zlib';

/** Bits per status list: 131,072 (16 KiB), the minimum the Bitstring Status List spec recommends for herd privacy. */
export const STATUS_LIST_SIZE = 131_072;

/**
 * A certificate's status index is global (UNIQUE in PostgreSQL); list n (from 1) holds indexes
 * [(n-1)·SIZE, n·SIZE), so a province issues as many certificates as it needs, 131,072 per list.
 */
export function statusListOf(globalIndex: number): { list: number; position: number } {
  return { list: Math.floor(globalIndex / STATUS_LIST_SIZE) + 1, position: globalIndex % STATUS_LIST_SIZE };
}

/** encodedList of a BitstringStatusListCredential: multibase base64url ("u") of the GZIP of the bitstring; index 0 is the first byte's high bit. */
export function encodeStatusList(setIndexes: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bits = new Uint8Array(size / 8);
  for (const index of setIndexes) {
    if (index < 0 || index >= size) throw new Error(`status index ${index} out of range`);
    bits[index >> 3]! |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function statusBitOf(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList must be multibase base64url (u…)');
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bits.length * 8) throw new Error(`status index ${index} outside the list`);
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}
