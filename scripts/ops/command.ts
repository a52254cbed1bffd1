export interface OpsCommand {
  name: string;
  summary: string;
  usage?: string;
  /** Whether the command needs the database (migrated before it runs). */
  needsDatabase: boolean;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}
