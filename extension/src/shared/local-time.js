// The moment a draft is checked, as ISO 8601 with the computer's own UTC
// offset ("2026-11-24T10:15:00+00:00"): the server reads working hours in the
// school's time zone, and needs the true instant to do so.

const pad = (number) => String(number).padStart(2, '0');

export function localIsoTime(date = new Date()) {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}
