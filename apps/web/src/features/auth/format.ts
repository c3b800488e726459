/** "+84912345678" → "0912 345 678", the way people write their number in Vietnam. */
export function formatPhone(e164: string): string {
  if (!e164.startsWith('+84')) return e164;
  const national = `0${e164.slice(3)}`;
  if (national.length === 10) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (national.length === 11) return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  return national;
}
