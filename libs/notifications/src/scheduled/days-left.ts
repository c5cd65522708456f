/** `YYYY-MM-DD` of `instant` in `timeZone` (UTC for a zone the runtime does not know). */
function localDay(instant: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

/** Calendar days from the local day of `from` to that of `to`, in `timeZone`: 30 at 08:00 thirty days before. */
export function daysLeft(from: Date, to: Date, timeZone: string): number {
  return Math.round((Date.parse(localDay(to, timeZone)) - Date.parse(localDay(from, timeZone))) / 86_400_000);
}
