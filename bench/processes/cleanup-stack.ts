/** Things to undo at the end of a run, undone in reverse order whatever happened; each step bounded. */
export class CleanupStack {
  private readonly steps: { name: string; undo: () => Promise<void> }[] = [];

  push(name: string, undo: () => Promise<void>): void {
    this.steps.push({ name, undo });
  }

  async run(log: (line: string) => void): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      if (!step) break;
      try {
        await Promise.race([
          step.undo(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('timed out after 30 s')), 30_000).unref(),
          ),
        ]);
      } catch (error) {
        log(`cleanup "${step.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
