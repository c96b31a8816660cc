/** The time zones offered for a call (a call's own zone is offered too when it is another). */
export const callZones = [
  'Asia/Shanghai',
  'UTC',
  'Europe/Madrid',
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Africa/Nairobi',
  'Asia/Singapore',
  'Australia/Sydney',
];

export const zonesWith = (zone: string) => (callZones.includes(zone) ? callZones : [zone, ...callZones]);
