/**
 * The code a screen shows, as the operator types it: any case, with or without its dash, spaces
 * ignored. Pairing codes are eight characters of an alphabet without look-alikes, shown as XXXX-XXXX.
 */
export function normalisePairingCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[\s-]/g, "");
  return bare.length > 4 ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}` : bare;
}

export function isCompletePairingCode(code: string): boolean {
  return /^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code);
}
