/** Wall-clock time in a zone ("2023-11-08T09:30", as a datetime-local input holds it) → ISO instant. */
export function localToIso(local: string, tz: string) {
  const guess = new Date(`${local}:00Z`);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(guess)
      .map((x) => [x.type, x.value]),
  );
  const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  return new Date(guess.getTime() - (shown - guess.getTime())).toISOString();
}
/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export const dayIn = (d: string, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(d));

/** An instant as the wall-clock time of a zone, as a datetime-local input holds it ("2023-11-08T09:30"). */
export function isoToLocal(d: string | Date, tz: string) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(d))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
