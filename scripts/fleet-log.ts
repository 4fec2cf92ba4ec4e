/** Turns the fleet's JSON log lines into short, prefixed lines for a terminal. */

const COLORS = [36, 35, 33, 32, 34, 96, 95];
const LEVEL_COLORS: Record<string, number> = {
  fatal: 31,
  error: 31,
  warn: 33,
  info: 32,
  debug: 90,
  trace: 90,
};
const NAME_WIDTH = 8;
/** The few fields that make a short line meaningful on their own ("closed" what? failed why?). */
const CONTEXT_FIELDS = ['resource', 'reason', 'code', 'err'];

export interface LogFormat {
  /** Pass lines through unchanged (LOG_FORMAT=json): for machines, not eyes. */
  json: boolean;
  color: boolean;
}

function paint(text: string, code: number | undefined, color: boolean): string {
  return color && code !== undefined ? `\x1b[${code}m${text}\x1b[0m` : text;
}

export function serviceColor(index: number): number {
  return COLORS[index % COLORS.length] ?? 37;
}

/** One child's log line, prefixed with its name: level and message, plus the few fields that explain them. */
export function formatLogLine(service: string, line: string, format: LogFormat, colorCode?: number): string {
  if (format.json) return line;
  const prefix = `${paint(service.padEnd(NAME_WIDTH), colorCode, format.color)} |`;
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return `${prefix} ${line}`;
    record = parsed as Record<string, unknown>;
  } catch {
    return `${prefix} ${line}`;
  }
  const level = typeof record.level === 'string' ? record.level : 'info';
  const message = typeof record.msg === 'string' ? record.msg : line;
  const context = CONTEXT_FIELDS.filter((field) => record[field] !== undefined)
    .map((field) => {
      const value = record[field];
      return `${field}=${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
    .join(' ');
  const label = paint(level.toUpperCase().padEnd(5), LEVEL_COLORS[level], format.color);
  return `${prefix} ${label} ${message}${context ? ` ${paint(context, 90, format.color)}` : ''}`;
}
