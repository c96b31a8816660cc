import ICAL from 'ical.js';

/**
 * Reads an iCalendar file as a calendar program does (ical.js) and lists what
 * RFC 5545 forbids or requires that calendar programs trip over: CRLF line
 * ends and folding at 75 octets (§3.1), VERSION and PRODID (§3.7), and in each
 * VEVENT a UID, a DTSTAMP in UTC (§3.8.7.2), a DTSTART, a TZID that names a
 * VTIMEZONE of the file (§3.2.19), an integer SEQUENCE and a known STATUS.
 */
export function calendarProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the file does not end with CRLF');
  const lines = text.split('\r\n');
  lines.forEach((l, i) => {
    if (l.includes('\n')) problems.push(`line ${i + 1}: a bare LF`);
    if (Buffer.byteLength(l, 'utf8') > 75) problems.push(`line ${i + 1}: longer than 75 octets`);
  });
  let cal: ICAL.Component;
  try {
    cal = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    return [...problems, `unreadable: ${(e as Error).message}`];
  }
  if (cal.getFirstPropertyValue('version') !== '2.0') problems.push('VERSION is not 2.0');
  if (!cal.getFirstPropertyValue('prodid')) problems.push('no PRODID');
  const zones = new Set(cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid'))));
  for (const ev of cal.getAllSubcomponents('vevent')) {
    const uid = ev.getFirstPropertyValue('uid');
    const at = `VEVENT ${uid ?? '(no UID)'}`;
    if (!uid) problems.push(`${at}: no UID`);
    const stamp = ev.getFirstProperty('dtstamp');
    const stampValue = stamp?.getFirstValue() as ICAL.Time | undefined;
    if (!stampValue) problems.push(`${at}: no DTSTAMP`);
    else if (stampValue.zone !== ICAL.Timezone.utcTimezone || stamp?.getParameter('tzid'))
      problems.push(`${at}: DTSTAMP not in UTC (${stampValue.toString()})`);
    for (const name of ['dtstart', 'dtend']) {
      const p = ev.getFirstProperty(name);
      if (!p) {
        if (name === 'dtstart') problems.push(`${at}: no DTSTART`);
        continue;
      }
      const tzid = p.getParameter('tzid');
      if (tzid && !zones.has(String(tzid))) problems.push(`${at}: ${name.toUpperCase()} names TZID ${tzid} with no VTIMEZONE`);
      const t = p.getFirstValue() as ICAL.Time;
      if (!tzid && !t.isDate && t.zone !== ICAL.Timezone.utcTimezone) problems.push(`${at}: ${name.toUpperCase()} is floating`);
    }
    const seq = ev.getFirstPropertyValue('sequence');
    if (seq === null || !Number.isInteger(Number(seq)) || Number(seq) < 0) problems.push(`${at}: SEQUENCE missing or not a whole number`);
    const status = ev.getFirstPropertyValue('status');
    if (status !== null && !['TENTATIVE', 'CONFIRMED', 'CANCELLED'].includes(String(status))) problems.push(`${at}: STATUS ${status}`);
  }
  return problems;
}
