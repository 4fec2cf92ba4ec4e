/** A logger that keeps what it is told, for tests that check a warning was given. */
export class QuietLogger {
  readonly lines: Array<{ level: string; fields: object; message: string | undefined }> = [];

  info(fields: object, message?: string): void {
    this.lines.push({ level: 'info', fields, message });
  }

  warn(fields: object, message?: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }

  error(fields: object, message?: string): void {
    this.lines.push({ level: 'error', fields, message });
  }
}
