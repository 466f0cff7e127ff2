/** Exit codes fixed by DESIGN.md: 0 success, 1 the input is refused, 2 could not run. */
export const EXIT = { OK: 0, FAILED: 1, ERROR: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
